#!/usr/bin/env python3
"""A local SMTP sink for the test mail server, and a tiny syslog listener.

`mailserver_sink.py smtp HOST PORT DIR` accepts every message submitted over plain SMTP and
writes it to DIR as `<n>.eml` (the exact DATA, dot-unstuffed) next to `<n>.json` (the envelope:
`mail_from`, `rcpt_to`). It relays nothing: it stands in for the outgoing relay, so a test can
read what a mail server really handed on, independently of the app that sent it.

`mailserver_sink.py syslog SOCKET FILE` listens on a Unix datagram socket (normally /dev/log)
and appends every record to FILE: Cyrus logs only to syslog and these machines run no syslog
daemon, so without this its errors are lost.

Python standard library only (3.11 has no `smtpd` module any more).
"""

import asyncio
import itertools
import json
import os
import socket
import sys
import time

MAX_SIZE = 25 * 1024 * 1024


class Sink:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        existing = [int(n.split(".")[0]) for n in os.listdir(directory) if n[0].isdigit()]
        self.counter = itertools.count(max(existing, default=0) + 1)

    def store(self, mail_from: str, rcpt_to: list[str], data: bytes) -> str:
        n = next(self.counter)
        base = os.path.join(self.directory, f"{n:05d}")
        # The .json is written last and renamed into place: a reader that sees it can rely on
        # the .eml being complete.
        with open(base + ".eml", "wb") as f:
            f.write(data)
        tmp = base + ".json.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"mail_from": mail_from, "rcpt_to": rcpt_to, "at": time.time()}, f)
        os.replace(tmp, base + ".json")
        return f"{n:05d}"

    async def session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        def reply(line: str) -> None:
            writer.write(line.encode() + b"\r\n")

        mail_from: str | None = None
        rcpt_to: list[str] = []
        reply("220 sink.localhost ESMTP Switchboard test sink")
        try:
            while True:
                await writer.drain()
                raw = await reader.readline()
                if not raw:
                    break
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                verb = line[:4].upper()
                arg = line[4:].strip()
                if verb in ("EHLO", "HELO"):
                    if verb == "EHLO":
                        reply("250-sink.localhost")
                        reply("250-8BITMIME")
                        reply(f"250-SIZE {MAX_SIZE}")
                        reply("250 ENHANCEDSTATUSCODES")
                    else:
                        reply("250 sink.localhost")
                elif verb == "MAIL":
                    mail_from = address_of(arg[arg.find(":") + 1 :])
                    rcpt_to = []
                    reply("250 2.1.0 OK")
                elif verb == "RCPT":
                    if mail_from is None:
                        reply("503 5.5.1 MAIL first")
                        continue
                    rcpt_to.append(address_of(arg[arg.find(":") + 1 :]))
                    reply("250 2.1.5 OK")
                elif verb == "DATA":
                    if mail_from is None or not rcpt_to:
                        reply("503 5.5.1 MAIL and RCPT first")
                        continue
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    await writer.drain()
                    data = await read_data(reader)
                    name = self.store(mail_from, rcpt_to, data)
                    reply(f"250 2.0.0 OK stored as {name}")
                    mail_from, rcpt_to = None, []
                elif verb == "RSET":
                    mail_from, rcpt_to = None, []
                    reply("250 2.0.0 OK")
                elif verb == "NOOP":
                    reply("250 2.0.0 OK")
                elif verb == "QUIT":
                    reply("221 2.0.0 Bye")
                    await writer.drain()
                    break
                else:
                    reply("502 5.5.2 Command not implemented")
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


def address_of(arg: str) -> str:
    """`<a@b.example> SIZE=12` -> `a@b.example` (ESMTP parameters are ignored)."""
    arg = arg.strip()
    if arg.startswith("<"):
        return arg[1 : arg.find(">")] if ">" in arg else arg[1:]
    return arg.split(" ")[0]


async def read_data(reader: asyncio.StreamReader) -> bytes:
    lines = []
    while True:
        raw = await reader.readline()
        if not raw:
            raise ConnectionError("connection closed during DATA")
        if raw in (b".\r\n", b".\n"):
            break
        if raw.startswith(b".."):
            raw = raw[1:]
        lines.append(raw)
    return b"".join(lines)


async def smtp_main(host: str, port: int, directory: str) -> None:
    sink = Sink(directory)
    server = await asyncio.start_server(sink.session, host, port, reuse_address=True)
    async with server:
        await server.serve_forever()


def syslog_main(path: str, out: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    os.chmod(path, 0o666)
    with open(out, "ab", buffering=0) as f:
        while True:
            f.write(sock.recv(65536).rstrip(b"\0\n") + b"\n")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "smtp":
        asyncio.run(smtp_main(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
    elif len(sys.argv) == 4 and sys.argv[1] == "syslog":
        syslog_main(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: mailserver_sink.py smtp HOST PORT DIR | syslog SOCKET FILE")
