#!/usr/bin/env python3
"""One-off: writes the fuzz targets' seed inputs from the shared capture corpus.

    python3 flow-codec-fuzz/src/test/seeds/extract_seeds.py ../shared/corpus flow-codec-fuzz/src/test/resources/io/github/flowcodec/fuzz

Reads the raw payloads (*.dat, *.bin: datagrams back to back, split like corpus/tools/split_payloads.py) and
the UDP payloads of every pcap/pcapng (Ethernet, 802.1Q, Linux cooked v1/v2, raw IP; IPv4/IPv6), and
writes, per target, a few dozen small inputs in the target's format (see FuzzSupport.datagrams: a
big-endian u16 length before each datagram; IpfixFuzzTest.stream: a read-size seed byte, then the stream).
Seeds are named corpus-<capture>; existing files of that name are replaced, others are left alone.
"""
import os
import struct
import sys

MAX_SEED = 16 * 1024


def udp_payloads_pcap(data):
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        end = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        end = '>'
    else:
        return None
    linktype = struct.unpack(end + 'I', data[20:24])[0]
    p = 24
    while p + 16 <= len(data):
        incl = struct.unpack(end + 'I', data[p + 8:p + 12])[0]
        pkt = data[p + 16:p + 16 + incl]
        p += 16 + incl
        u = udp_of_frame(pkt, linktype)
        if u is not None:
            yield u


def udp_payloads_pcapng(data):
    p = 0
    linktypes = []
    end = '<'
    while p + 12 <= len(data):
        btype = struct.unpack(end + 'I', data[p:p + 4])[0]
        if btype == 0x0A0D0D0A:
            bom = data[p + 8:p + 12]
            end = '<' if bom == b'\x4d\x3c\x2b\x1a' else '>'
            linktypes = []
        blen = struct.unpack(end + 'I', data[p + 4:p + 8])[0]
        if blen < 12:
            return
        body = data[p + 8:p + blen - 4]
        if btype == 1:
            linktypes.append(struct.unpack(end + 'H', body[0:2])[0])
        elif btype == 6:
            iface, _, _, caplen, _ = struct.unpack(end + 'IIIII', body[0:20])
            pkt = body[20:20 + caplen]
            u = udp_of_frame(pkt, linktypes[iface] if iface < len(linktypes) else 1)
            if u is not None:
                yield u
        elif btype == 3:
            pkt = body[4:]
            u = udp_of_frame(pkt, linktypes[0] if linktypes else 1)
            if u is not None:
                yield u
        p += blen


def udp_of_frame(pkt, linktype):
    if linktype == 1:  # Ethernet
        et = struct.unpack('>H', pkt[12:14])[0]
        q = 14
        while et in (0x8100, 0x88A8) and q + 4 <= len(pkt):
            et = struct.unpack('>H', pkt[q + 2:q + 4])[0]
            q += 4
        return udp_of_ip(pkt[q:], et)
    if linktype == 113:  # Linux cooked v1
        return udp_of_ip(pkt[16:], struct.unpack('>H', pkt[14:16])[0])
    if linktype == 276:  # Linux cooked v2
        return udp_of_ip(pkt[20:], struct.unpack('>H', pkt[0:2])[0])
    if linktype in (101, 228, 229, 12, 14):  # raw IP
        v = pkt[0] >> 4 if pkt else 0
        return udp_of_ip(pkt, 0x0800 if v == 4 else 0x86DD)
    if linktype == 0:  # BSD loopback
        return udp_of_ip(pkt[4:], 0x0800 if pkt[4] >> 4 == 4 else 0x86DD)
    return None


def udp_of_ip(ip, et):
    if et == 0x0800 and len(ip) >= 20:
        ihl = (ip[0] & 0x0F) * 4
        if ip[9] != 17:
            return None
        frag = struct.unpack('>H', ip[6:8])[0]
        if frag & 0x1FFF:
            return None
        total = struct.unpack('>H', ip[2:4])[0]
        udp = ip[ihl:total if total >= ihl else len(ip)]
    elif et == 0x86DD and len(ip) >= 40:
        if ip[6] != 17:
            return None
        udp = ip[40:40 + struct.unpack('>H', ip[4:6])[0]]
    else:
        return None
    if len(udp) < 8:
        return None
    ulen = struct.unpack('>H', udp[4:6])[0]
    return bytes(udp[8:ulen if 8 <= ulen <= len(udp) else len(udp)])


def split_raw(data):
    """Datagrams back to back: v5 by count, IPFIX by length, v9 by walking FlowSets, sFlow whole."""
    out = []
    p = 0
    while p + 4 <= len(data):
        v16 = struct.unpack('>H', data[p:p + 2])[0]
        if v16 == 5:
            count = struct.unpack('>H', data[p + 2:p + 4])[0]
            n = 24 + 48 * count
        elif v16 == 10:
            n = struct.unpack('>H', data[p + 2:p + 4])[0]
            if n < 16:
                n = len(data) - p
        elif v16 == 9:
            q = p + 20
            while q + 4 <= len(data):
                if struct.unpack('>H', data[q:q + 2])[0] == 9 and q > p + 20:
                    break
                sl = struct.unpack('>H', data[q + 2:q + 4])[0]
                if sl < 4:
                    q = len(data)
                    break
                q += sl
            n = min(q, len(data)) - p
        else:
            n = len(data) - p
        n = max(1, min(n, len(data) - p))
        out.append(data[p:p + n])
        p += n
    if p < len(data):
        out.append(data[p:])
    return out


def protocol(d):
    if len(d) >= 4 and struct.unpack('>I', d[:4])[0] == 5:
        return 'sflow'
    if len(d) >= 2:
        return {5: 'v5', 9: 'v9', 10: 'ipfix'}.get(struct.unpack('>H', d[:2])[0])
    return None


def frame(datagrams, limit=MAX_SEED):
    out = b''
    for d in datagrams:
        f = struct.pack('>H', len(d)) + d
        if out and len(out) + len(f) > limit:
            break
        out += f[:limit] if not out else f
    return out


def captures(corpus):
    for sub in ('netflow5', 'netflow9', 'ipfix', 'sflow5', 'mixed'):
        d = os.path.join(corpus, sub)
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            data = open(path, 'rb').read()
            if name.endswith('.pcap') or name.endswith('.pcapng'):
                payloads = list(udp_payloads_pcapng(data) if data[:4] == b'\x0a\x0d\x0d\x0a' else udp_payloads_pcap(data) or [])
            elif name.endswith('.dat') or name.endswith('.bin') or name.endswith('.dump'):
                payloads = split_raw(data)
            elif name.endswith('.ipfix'):
                payloads = split_raw(data)
            else:
                continue
            base = name.rsplit('.', 1)[0].replace('.', '_')
            yield base, [p for p in payloads if p]


def write(dirpath, name, data):
    os.makedirs(dirpath, exist_ok=True)
    with open(os.path.join(dirpath, name), 'wb') as f:
        f.write(data)


def pick(items, cap):
    """At most cap of the items, spread evenly over the (name-sorted) list."""
    items = sorted(items)
    if len(items) <= cap:
        return items
    return [items[i * len(items) // cap] for i in range(cap)]


def main(corpus, out, cap=40):
    seeds = {}  # target dir -> [(name, bytes)]
    seen = set()

    def add(target, name, data):
        if (target, data) not in seen:
            seen.add((target, data))
            seeds.setdefault(target, []).append((name, data))

    for base, payloads in captures(corpus):
        raw = not base.endswith('_wrapped') and ('_test_' in base or base.startswith('telegraf_') or base.startswith('cistern_'))
        by = {}
        for p in payloads:
            by.setdefault(protocol(p), []).append(p)
        # NetFlow v5: single datagrams, unframed; a few per capture
        for i, p in enumerate(by.get('v5', [])[:3]):
            add('Netflow5FuzzTestInputs/decode', 'corpus-%s-%d' % (base, i), p[:MAX_SEED])
        for proto, target in (('v9', 'Netflow9FuzzTestInputs/decode'), ('ipfix', 'IpfixFuzzTestInputs/decode'),
                              ('sflow', 'SflowFuzzTestInputs/decode')):
            ds = by.get(proto, [])
            # raw payload files are also in the *.wrapped.pcap captures, in feeding order: take those for v9/IPFIX
            if ds and not (raw and proto != 'sflow'):
                add(target, 'corpus-' + base, frame(ds[:12]))
        ds = by.get('ipfix', [])
        if ds and not raw:
            stream = b''
            for d in ds:
                if stream and len(stream) + len(d) > MAX_SEED:
                    break
                stream += d
            add('IpfixFuzzTestInputs/stream', 'corpus-' + base, bytes([len(base) & 0xFF]) + stream[:MAX_SEED])
        # every protocol through the auto-detecting decoder: the first datagrams of each capture
        if payloads and not raw:
            add('AutoDetectFuzzTestInputs/decode', 'corpus-' + base, frame(payloads[:6], 8 * 1024))
    for target, items in seeds.items():
        for name, data in pick(items, cap):
            write(os.path.join(out, target), name, data)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
