# Draws the product icon (EU-blue tile, ring of twelve stars, a city skyline) at the sizes branding needs.
# Usage: python3 releng/tools/make-icons.py bundles/eu.urbanagenda.kb.ui/icons
import zlib, struct, math, sys
def png(path, w, h, px):
    raw = b''.join(b'\x00' + bytes(px[y*w*4:(y+1)*w*4]) for y in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
def star(px, py, cx, cy, r):
    # five-pointed star test via polar angle
    dx, dy = px - cx, py - cy
    d = math.hypot(dx, dy)
    if d > r: return False
    a = math.atan2(dy, dx) + math.pi / 2
    k = (a % (2 * math.pi / 5)) / (2 * math.pi / 5)
    edge = r * (0.45 + 0.55 * abs(1 - 2 * k) ** 1.6)
    return d <= edge
def sample(x, y):
    # unit square [0,1]^2 -> rgba
    m = 0.04; rr = 0.18
    qx = min(max(x, m + rr), 1 - m - rr); qy = min(max(y, m + rr), 1 - m - rr)
    if math.hypot(x - qx, y - qy) > rr: return (0, 0, 0, 0)
    col = (0, 51, 153, 255)  # EU blue
    for i in range(12):
        a = 2 * math.pi * i / 12
        if star(x, y, 0.5 + 0.34 * math.cos(a), 0.5 + 0.34 * math.sin(a), 0.055): return (255, 204, 0, 255)
    # skyline: three buildings standing on a base line
    base = 0.68
    for (x0, x1, top) in ((0.33, 0.43, 0.44), (0.44, 0.56, 0.30), (0.57, 0.67, 0.40)):
        if x0 <= x <= x1 and top <= y <= base: return (255, 255, 255, 255)
    if 0.30 <= x <= 0.70 and base <= y <= base + 0.035: return (255, 255, 255, 255)
    return col
def render(n, ss=4):
    px = []
    for j in range(n):
        for i in range(n):
            acc = [0, 0, 0, 0]
            for sj in range(ss):
                for si in range(ss):
                    c = sample((i + (si + .5) / ss) / n, (j + (sj + .5) / ss) / n)
                    a = c[3]
                    acc[0] += c[0] * a; acc[1] += c[1] * a; acc[2] += c[2] * a; acc[3] += a
            a = acc[3]
            px += [int(acc[0] / a) if a else 0, int(acc[1] / a) if a else 0, int(acc[2] / a) if a else 0, a // (ss * ss)]
    return px
for n in (16, 32, 48, 64, 128, 256):
    png(f'{sys.argv[1]}/kb{n}.png', n, n, render(n))
