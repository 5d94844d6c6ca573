#!/usr/bin/env bash
# A real JMAP mail server for development and the e2e tests: Cyrus IMAP 3.6 from Debian on
# 127.0.0.1, with a local SMTP sink standing in for the outgoing relay.
#
#   scripts/mailserver.sh start            install (once), configure, start; idempotent
#   scripts/mailserver.sh stop             stop everything this script started
#   scripts/mailserver.sh status           what runs (exit 1 when the server is not up)
#   scripts/mailserver.sh env              KEY=VALUE lines: ports, directories, accounts
#   scripts/mailserver.sh deliver USER FILE   deliver an .eml into USER's INBOX over LMTP
#   scripts/mailserver.sh relay-stop|relay-start   stop / start only the SMTP sink
#   scripts/mailserver.sh reset            stop, then delete all its state (mail, users, sink)
#
# Everything lives under $MAILSERVER_DIR (default /tmp/switchboard-mail): the private Cyrus
# configuration, the mail spool, the SASL user database, logs, and sink/ where the sink writes
# every submitted message (NNNNN.eml + NNNNN.json with the envelope).
# Accounts (password for all: $MAILSERVER_PASSWORD, default "switchboard"):
#   support@northwind.example   the demo workspace's Support team email channel
#   billing@northwind.example   the demo workspace's Billing team email channel
#   alex@customer.example       a customer
# Facts and pitfalls behind this script: see the README section "Mail server (JMAP)".
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${MAILSERVER_DIR:-/tmp/switchboard-mail}"
HOST=127.0.0.1
HTTP_PORT="${MAILSERVER_HTTP_PORT:-18480}"
IMAP_PORT="${MAILSERVER_IMAP_PORT:-18143}"
LMTP_PORT="${MAILSERVER_LMTP_PORT:-18024}"
SMTP_PORT="${MAILSERVER_SMTP_PORT:-18025}"
PASSWORD="${MAILSERVER_PASSWORD:-switchboard}"
USERS=(support@northwind.example billing@northwind.example alex@customer.example)
BIN=/usr/lib/cyrus/bin
CONF="$DIR/imapd.conf"

log() { echo "mailserver: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

wait_port() {
  local port="$1" i
  for i in $(seq 1 100); do
    port_open "$port" && return 0
    sleep 0.1
  done
  return 1
}

install_packages() {
  [[ -x "$BIN/master" && -x "$BIN/httpd" && -x /usr/sbin/saslpasswd2 ]] && return 0
  local as=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null ||
      die "Cyrus IMAP is not installed and this is neither root nor password-less sudo"
    as=(sudo)
  fi
  log "installing Cyrus IMAP (Debian packages)"
  # Debian would start its own cyrus (on all interfaces) and exim4 during the install: a
  # policy-rc.d answering 101 forbids every service start for as long as it exists.
  local policy=/usr/sbin/policy-rc.d saved=""
  if [[ -e $policy ]]; then
    saved="$(mktemp)"
    "${as[@]}" cp -p "$policy" "$saved"
  fi
  printf '#!/bin/sh\nexit 101\n' | "${as[@]}" tee "$policy" >/dev/null
  "${as[@]}" chmod 755 "$policy"
  local rc=0
  {
    "${as[@]}" apt-get update -qq &&
      "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends \
        cyrus-imapd cyrus-common cyrus-caldav cyrus-admin sasl2-bin >"$DIR.apt.log" 2>&1
  } || rc=$?
  if [[ -n $saved ]]; then "${as[@]}" mv "$saved" "$policy"; else "${as[@]}" rm -f "$policy"; fi
  ((rc == 0)) || die "apt-get install failed (exit $rc); see $DIR.apt.log"
  # Keep them from starting at the next boot too (no-ops where there is no init system).
  for service in cyrus-imapd exim4; do
    "${as[@]}" update-rc.d "$service" disable >/dev/null 2>&1 || true
  done
  [[ -x "$BIN/master" ]] || die "cyrus master not found in $BIN after install"
}

write_config() {
  mkdir -p "$DIR"/{conf,spool,search,sieve,log,sink}
  # Pitfall: Cyrus does not create its config subfolders itself.
  mkdir -p "$DIR"/conf/{db,socket,msg,quota,user,ptclient,proc,lock,log}
  # Pitfall: imapd.conf has no inline comments (a trailing "# ..." becomes part of the value).
  cat >"$CONF" <<EOF
configdirectory: $DIR/conf
partition-default: $DIR/spool
defaultpartition: default
sievedir: $DIR/sieve
servername: mail.northwind.example
virtdomains: userid
unixhierarchysep: yes
altnamespace: yes
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $DIR/sasldb2
sasl_mech_list: PLAIN LOGIN
httpmodules: jmap
conversations: yes
autocreate_quota: 0
autocreate_post: yes
autocreate_inbox_folders: Drafts | Sent | Trash | Junk | Archive
autocreate_subscribe_folders: Drafts | Sent | Trash | Junk | Archive
xlist-drafts: Drafts
xlist-sent: Sent
xlist-trash: Trash
xlist-junk: Junk
xlist-archive: Archive
smtp_backend: host
smtp_host: $HOST:$SMTP_PORT/noauth
lmtp_downcase_rcpt: yes
idlesocket: $DIR/conf/socket/idle
notifysocket: $DIR/conf/socket/notify
lmtpsocket: $DIR/conf/socket/lmtp
syslog_prefix: switchboard-cyrus
EOF
  # Pitfall: master's -C is not passed on; every service needs its own -C.
  cat >"$DIR/cyrus.conf" <<EOF
START {
  recover cmd="$BIN/ctl_cyrusdb -C $CONF -r"
}
SERVICES {
  imap cmd="$BIN/imapd -C $CONF" listen="$HOST:$IMAP_PORT" prefork=0
  http cmd="$BIN/httpd -C $CONF" listen="$HOST:$HTTP_PORT" prefork=0
  lmtp cmd="$BIN/lmtpd -a -C $CONF" listen="$HOST:$LMTP_PORT" prefork=0
}
EVENTS {
  checkpoint cmd="$BIN/ctl_cyrusdb -C $CONF -c" period=30
}
DAEMON {
}
EOF
}

create_users() {
  local user
  for user in "${USERS[@]}"; do
    printf '%s' "$PASSWORD" |
      saslpasswd2 -p -c -f "$DIR/sasldb2" -u "${user#*@}" "${user%@*}"
  done
  # Cyrus started by root drops to the cyrus user, which must own its files.
  if [[ $(id -u) == 0 ]]; then
    chown -R cyrus:mail "$DIR"
    chmod 640 "$DIR/sasldb2"
  fi
}

# A JMAP login does not create the account (accountNotFound): one IMAP login per user does,
# with its special-use folders.
autocreate_accounts() {
  python3 - "$HOST" "$IMAP_PORT" "$PASSWORD" "${USERS[@]}" <<'EOF'
import imaplib, sys
host, port, password, users = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
for user in users:
    imap = imaplib.IMAP4(host, port)
    imap.login(user, password)
    status, _ = imap.select("INBOX")
    if status != "OK":
        sys.exit(f"IMAP: {user} has no INBOX after login")
    imap.logout()
EOF
}

start_syslog() {
  # Only when nobody else listens on /dev/log (these machines have no syslog daemon).
  if [[ ! -S /dev/log ]] && [[ -w /dev ]]; then
    nohup python3 "$HERE/mailserver_sink.py" syslog /dev/log "$DIR/log/syslog.log" \
      >/dev/null 2>&1 &
    echo $! >"$DIR/syslog.pid"
  fi
}

start_relay() {
  if pid_alive "$DIR/sink.pid"; then return 0; fi
  port_open "$SMTP_PORT" && die "port $SMTP_PORT is taken by another program"
  nohup python3 "$HERE/mailserver_sink.py" smtp "$HOST" "$SMTP_PORT" "$DIR/sink" \
    >>"$DIR/log/sink.log" 2>&1 &
  echo $! >"$DIR/sink.pid"
  wait_port "$SMTP_PORT" || die "the SMTP sink did not start (see $DIR/log/sink.log)"
}

stop_pidfile() {
  local file="$1" pid i
  [[ -f $file ]] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

cmd_start() {
  mkdir -p "$DIR"
  install_packages
  if ! pid_alive "$DIR/master.pid"; then
    local port
    for port in "$HTTP_PORT" "$IMAP_PORT" "$LMTP_PORT"; do
      port_open "$port" && die "port $port is taken by another program"
    done
    write_config
    create_users
    start_syslog
    "$BIN/master" -C "$CONF" -M "$DIR/cyrus.conf" -p "$DIR/master.pid" -d
    for port in "$IMAP_PORT" "$HTTP_PORT" "$LMTP_PORT"; do
      wait_port "$port" || die "Cyrus did not open port $port (see $DIR/log/syslog.log)"
    done
    autocreate_accounts
  fi
  start_relay
  log "up: JMAP http://$HOST:$HTTP_PORT/jmap, LMTP $HOST:$LMTP_PORT, SMTP sink $HOST:$SMTP_PORT -> $DIR/sink"
}

cmd_stop() {
  stop_pidfile "$DIR/sink.pid"
  stop_pidfile "$DIR/master.pid"
  if [[ -f "$DIR/syslog.pid" ]]; then
    stop_pidfile "$DIR/syslog.pid"
    # Our listener made /dev/log; a dead socket there would stop the next start from logging.
    rm -f /dev/log
  fi
  # master's children exit with it; wait until the ports are free so a restart can bind.
  local i
  for i in $(seq 1 50); do
    port_open "$HTTP_PORT" || port_open "$IMAP_PORT" || break
    sleep 0.1
  done
  log "stopped"
}

cmd_status() {
  local ok=0
  if pid_alive "$DIR/master.pid" && port_open "$HTTP_PORT"; then
    echo "cyrus: running (pid $(cat "$DIR/master.pid")), JMAP http://$HOST:$HTTP_PORT/jmap"
  else
    echo "cyrus: stopped"
    ok=1
  fi
  if pid_alive "$DIR/sink.pid"; then
    echo "relay (SMTP sink): running on $HOST:$SMTP_PORT, writing to $DIR/sink"
  else
    echo "relay (SMTP sink): stopped"
  fi
  return $ok
}

cmd_env() {
  cat <<EOF
MAILSERVER_DIR=$DIR
MAILSERVER_HTTP_URL=http://$HOST:$HTTP_PORT
MAILSERVER_HTTP_PORT=$HTTP_PORT
MAILSERVER_IMAP_PORT=$IMAP_PORT
MAILSERVER_LMTP_PORT=$LMTP_PORT
MAILSERVER_SMTP_PORT=$SMTP_PORT
MAILSERVER_SINK_DIR=$DIR/sink
MAILSERVER_PASSWORD=$PASSWORD
MAILSERVER_USERS=${USERS[*]}
EOF
}

cmd_deliver() {
  [[ $# == 2 ]] || die "usage: mailserver.sh deliver USER FILE"
  [[ -f $2 ]] || die "no such file: $2"
  python3 - "$HOST" "$LMTP_PORT" "$1" "$2" <<'EOF'
import email.utils, smtplib, sys
from email.parser import BytesHeaderParser
host, port, user, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
data = open(path, "rb").read()
headers = BytesHeaderParser().parsebytes(data)
sender = email.utils.parseaddr(headers.get("From", ""))[1] or "sender@customer.example"
with smtplib.LMTP(host, port) as lmtp:
    refused = lmtp.sendmail(sender, [user], data)
if refused:
    sys.exit(f"LMTP refused: {refused}")
EOF
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  deliver)
    shift
    cmd_deliver "$@"
    ;;
  reset)
    cmd_stop
    rm -rf "$DIR"
    ;;
  relay-stop) stop_pidfile "$DIR/sink.pid" ;;
  relay-start) start_relay ;;
  install)
    mkdir -p "$DIR"
    install_packages
    ;;
  *) die "usage: mailserver.sh start|stop|status|env|deliver USER FILE|relay-stop|relay-start|reset" ;;
esac
