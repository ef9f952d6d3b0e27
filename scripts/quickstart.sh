#!/usr/bin/env bash
# The README's quickstart, as one script: a market day on two devices of the demo market 46010001, a consumer's
# lookup, an oversold conflict between the two devices while offline, and an admin settling it.
#
# Start the server with demo data in another terminal first, from the repository's root:
#     swift build && swift run sync-server serve --demo
# then, from the same directory:
#     scripts/quickstart.sh
#
# SERVER (default http://127.0.0.1:8080), DB (the server's database, default ./data/central.sqlite), BIN (where `field`
# and `sync-server` are built, default .build/debug) and WORK (where the two device databases go, default a new
# temporary directory) may be set. Tests/EndToEndTests/QuickstartScriptTests.swift runs this script against a live
# server, and checks that the README shows it as it is.
set -euo pipefail
SERVER=${SERVER:-http://127.0.0.1:8080}
DB=${DB:-./data/central.sqlite}
BIN=${BIN:-.build/debug}
WORK=${WORK:-$(mktemp -d)}

# The first member NAME of the JSON on standard input (the commands' --json output, one member a line).
member() { sed -n "s/^ *\"$1\" *: *\"*\([^\",]*\)\"*,*$/\1/p" | head -n 1; }
step() { printf '\n== %s\n' "$*"; }
A() { FIELD_DB="$WORK/a.sqlite" "$BIN/field" "$@"; }
B() { FIELD_DB="$WORK/b.sqlite" "$BIN/field" "$@"; }
admin() { "$BIN/sync-server" admin "$@" --db "$DB"; }

step "管理员为每台设备签发一次性注册码 / an admin issues one enrollment code per device"
code_a=$(admin enroll-code --node 46010001 --json | member code)
code_b=$(admin enroll-code --node 46010001 --json | member code)

step "设备 A：注册、同步、登记进场、检测、交易 / device A: enroll, sync, receive, inspect, sell"
A enroll "$SERVER" "$code_a" --name "南北市场 1 号机" --inspector 李明
A sync                                   # pulls products, regions and the market's operators
batch=$(A receive --product 五花肉 --quantity 200 --operator OP-46010001-004 \
    --supplier 海南澄金肉联食品有限公司 --origin 469023 --quarantine-cert 4600312087 --json | member code)
echo "进场批次追溯码 / the batch's trace code: $batch"
A inspect "$batch" --item 瘦肉精 --result pass
child=$(A sell "$batch" --quantity 30 --buyer 海口美兰区阿强猪肉档 --price 26.5 --json | member code)
echo "买方追溯码 / the buyer's trace code: $child"
A sync

step "设备 B：注册、同步，看到 A 的批次 / device B: enroll, sync, and see A's batch"
B enroll "$SERVER" "$code_b" --name "南北市场 2 号机" --inspector 王芳
B sync
B batches
B show "$batch" --lang en

step "消费者查询买方追溯码 / a consumer looks up the buyer's code"
curl -fsS "$SERVER/v1/trace/$child"
echo

step "两台设备离线各卖 100 kg（余 170 kg）→ 超卖 / offline, both sell 100 kg of the 170 kg left: oversold"
A sell "$batch" --quantity 100 --buyer 海口龙华区陈记肉档 --price 26
B sell "$batch" --quantity 100 --buyer 海口秀英区林记肉档 --price 26
A sync
B sync
B show "$batch"

step "管理员查看并处理冲突 / an admin looks at the conflict and settles it"
admin conflicts list --status open
conflict=$(admin conflicts list --status open --kind oversold --json | member id)
admin conflicts show "$conflict"
admin conflicts resolve "$conflict" --action accept --note "复核磅单：两笔交易均属实，差额由经营户补录进场 / checked the weighbridge slips"

step "设备同步后看到处理结果 / the devices see the resolution after syncing"
A sync
B sync
A status
