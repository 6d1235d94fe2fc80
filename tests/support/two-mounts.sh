#!/usr/bin/env bash
# Two "computers" sharing one folder, for tests of a vault on a clinic's network
# share: an sshd on 127.0.0.1 only, and the same folder mounted twice with sshfs
# (FUSE) with every cache off, as two machines would see it.
#   two-mounts.sh start DIR  -> prints the two mount points (one per line)
#   two-mounts.sh stop DIR   -> unmounts both and stops that sshd
#   two-mounts.sh check      -> exit 0 when this machine can do it (root, /dev/fuse,
#                               sshd and sshfs installed), else 1 with the reason
# Needs root. kartbok.sh installs openssh-server and sshfs (its PACKAGES list).
# On such mounts fcntl and flock locks do not reach the other mount; an O_EXCL
# create does: Kartbok's write.lock relies on the latter only.
set -euo pipefail

check() {
    [ "$(id -u)" -eq 0 ] || { echo "two-mounts: needs root" >&2; return 1; }
    [ -c /dev/fuse ] || { echo "two-mounts: no /dev/fuse" >&2; return 1; }
    [ -x /usr/sbin/sshd ] || { echo "two-mounts: openssh-server is not installed" >&2; return 1; }
    command -v sshfs >/dev/null || { echo "two-mounts: sshfs is not installed" >&2; return 1; }
    command -v ssh-keygen >/dev/null || { echo "two-mounts: ssh-keygen is missing" >&2; return 1; }
}

cmd=${1:?start|stop|check}
if [ "$cmd" = check ]; then
    check
    exit $?
fi
dir=$(realpath -m "${2:?DIR}")
state="$dir.two-mounts"

case "$cmd" in
start)
    check
    mkdir -p "$dir" "$state/a" "$state/b" /run/sshd
    chmod 700 "$state"
    ssh-keygen -q -t ed25519 -N '' -f "$state/host" <<<y >/dev/null
    ssh-keygen -q -t ed25519 -N '' -f "$state/user" <<<y >/dev/null
    # A free port on the loopback interface: sshd refuses to start on a taken one.
    started=0
    for _ in $(seq 20); do
        port=$(shuf -i 20000-60000 -n 1)
        if /usr/sbin/sshd -p "$port" -o ListenAddress=127.0.0.1 -h "$state/host" \
            -o PidFile="$state/sshd.pid" -o AuthorizedKeysFile="$state/user.pub" \
            -o PermitRootLogin=prohibit-password -o StrictModes=no \
            -o PasswordAuthentication=no -o UsePAM=no 2>/dev/null; then
            started=1
            break
        fi
    done
    [ $started -eq 1 ] || { echo "two-mounts: sshd did not start" >&2; exit 1; }
    for _ in $(seq 100); do [ -s "$state/sshd.pid" ] && break; sleep 0.05; done
    [ -s "$state/sshd.pid" ] || { echo "two-mounts: sshd did not start" >&2; exit 1; }
    for m in a b; do
        sshfs -p "$port" \
            -o IdentityFile="$state/user",StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null \
            -o LogLevel=ERROR,cache=no,attr_timeout=0,entry_timeout=0,negative_timeout=0 \
            "root@127.0.0.1:$dir" "$state/$m"
    done
    echo "$state/a"
    echo "$state/b"
    ;;
stop)
    for m in a b; do
        if mountpoint -q "$state/$m" 2>/dev/null; then
            fusermount -u "$state/$m" 2>/dev/null || umount -l "$state/$m" || true
        fi
    done
    if [ -s "$state/sshd.pid" ]; then
        kill "$(cat "$state/sshd.pid")" 2>/dev/null || true
    fi
    rm -rf "$state"
    ;;
*)
    echo "usage: $0 start|stop DIR | check" >&2
    exit 2
    ;;
esac
