# The test game, run by /bin/busybox sh in a FROM scratch image (busybox-static only).
# MODE  tcp: listen on PORT (httpd) | udp: bind UDP 67 (udhcpd, busybox's only UDP server)
#       exit: exit with CODE | never: run without binding anything
# DELAY seconds before binding or exiting. SIGTERM ends tcp and never modes with exit 0;
# TERM_SIGNAL=ignore makes them ignore SIGTERM (so only SIGKILL ends them).
busybox sleep "${DELAY:-0}"
if [ "$TERM_SIGNAL" = "ignore" ]; then trap '' TERM; else trap 'exit 0' TERM; fi
case "$MODE" in
  tcp)
    busybox mkdir -p /www && echo "process $HATHORA_PROCESS_ID" > /www/index.html
    busybox httpd -f -p "${PORT:-7777}" -h /www &
    ;;
  udp)
    busybox mkdir -p /tmp
    printf 'interface eth0\nlease_file /tmp/leases\nstart 10.255.0.10\nend 10.255.0.20\n' > /tmp/udhcpd.conf
    busybox udhcpd -f /tmp/udhcpd.conf &
    ;;
  exit)
    exit "${CODE:-3}"
    ;;
  *)
    busybox sleep 100000 &
    ;;
esac
# Wait in a loop: a trapped signal interrupts `wait`, and the trap decides.
while true; do wait; busybox sleep 1; done
