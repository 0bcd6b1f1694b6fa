#!/bin/sh
# The default user from RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS (created on the first
# start, as the official image does), logs to the console, then the command in the foreground.
set -eu
{
  echo "loopback_users = none"
  echo "log.console = true"
  echo "log.file = false"
  if [ -n "${RABBITMQ_DEFAULT_USER:-}" ]; then
    echo "default_user = $RABBITMQ_DEFAULT_USER"
    echo "default_pass = ${RABBITMQ_DEFAULT_PASS:?set RABBITMQ_DEFAULT_PASS with RABBITMQ_DEFAULT_USER}"
  fi
} >/etc/rabbitmq/rabbitmq.conf
unset RABBITMQ_DEFAULT_USER RABBITMQ_DEFAULT_PASS
exec "$@"
