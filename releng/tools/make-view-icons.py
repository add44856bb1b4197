# Draws the 16x16 view and command icons of the workbench bundles (simple shapes, EU blue and gold).
# Usage: python3 releng/tools/make-view-icons.py   (writes into bundles/eu.urbanagenda.kb.ui*/icons)
import zlib, struct, math, os
BLUE, GOLD, GREY, GREEN, RED, WHITE = (0, 51, 153, 255), (230, 170, 0, 255), (110, 110, 110, 255), (40, 150, 80, 255), (190, 50, 50, 255), (255, 255, 255, 255)
def png(path, px, n=16):
    raw = b''.join(b'\x00' + bytes(sum((list(px[y][x]) for x in range(n)), [])) for y in range(n))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', n, n, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
def canvas(): return [[(0, 0, 0, 0)] * 16 for _ in range(16)]
def rect(c, x0, y0, x1, y1, col):
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1): c[y][x] = col
def frame(c, x0, y0, x1, y1, col):
    for x in range(x0, x1 + 1): c[y0][x] = c[y1][x] = col
    for y in range(y0, y1 + 1): c[y][x0] = c[y][x1] = col
def disc(c, cx, cy, r, col, ring=None):
    for y in range(16):
        for x in range(16):
            d = math.hypot(x + .5 - cx, y + .5 - cy)
            if ring is not None and ring <= d <= r: c[y][x] = col
            elif ring is None and d <= r: c[y][x] = col
def line(c, x0, y0, x1, y1, col, w=1):
    n = max(abs(x1 - x0), abs(y1 - y0)) * 3 + 1
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n; y = y0 + (y1 - y0) * i / n
        for dx in range(w):
            for dy in range(w):
                xi, yi = int(round(x)) + dx, int(round(y)) + dy
                if 0 <= xi < 16 and 0 <= yi < 16: c[yi][xi] = col
def navigator():
    c = canvas(); rect(c, 1, 1, 6, 4, BLUE); line(c, 3, 5, 3, 13, GREY); line(c, 3, 8, 7, 8, GREY); line(c, 3, 13, 7, 13, GREY)
    rect(c, 8, 6, 14, 9, GOLD); rect(c, 8, 11, 14, 14, GOLD); return c
def validation():
    c = canvas(); frame(c, 1, 1, 14, 14, BLUE); line(c, 4, 8, 7, 11, GREEN, 2); line(c, 7, 11, 12, 4, GREEN, 2); return c
def overview():
    c = canvas(); line(c, 1, 14, 14, 14, GREY); rect(c, 2, 8, 4, 13, BLUE); rect(c, 6, 4, 8, 13, GOLD); rect(c, 10, 10, 12, 13, BLUE); return c
def search():
    c = canvas(); disc(c, 6.5, 6.5, 5.2, BLUE, ring=3.6); line(c, 10, 10, 14, 14, GOLD, 2); return c
def document():
    c = canvas(); rect(c, 3, 1, 12, 14, WHITE); frame(c, 3, 1, 12, 14, GREY)
    for y in (4, 6, 8, 10, 12): line(c, 5, y, 10, y, BLUE)
    rect(c, 5, 8, 8, 8, GOLD); return c
def importer():
    c = canvas(); rect(c, 2, 9, 13, 14, BLUE); rect(c, 3, 10, 12, 13, WHITE); line(c, 7, 1, 7, 8, GOLD, 2)
    line(c, 4, 5, 7, 8, GOLD, 2); line(c, 11, 5, 8, 8, GOLD, 2); return c
def validate():
    c = canvas(); disc(c, 8, 8, 7, GREEN); line(c, 4, 8, 7, 11, WHITE, 2); line(c, 7, 11, 12, 5, WHITE, 2); return c
def group():
    c = canvas(); rect(c, 1, 2, 6, 5, GOLD); rect(c, 1, 10, 6, 13, GOLD); rect(c, 8, 2, 14, 5, BLUE); rect(c, 8, 10, 14, 13, BLUE); return c
def partnerships():
    c = canvas(); disc(c, 5, 6, 3.5, BLUE); disc(c, 11, 6, 3.5, GOLD); rect(c, 2, 11, 14, 13, BLUE); return c
here = os.path.dirname(os.path.abspath(__file__)); root = os.path.join(here, '..', '..', 'bundles')
ui, search_icons = os.path.join(root, 'eu.urbanagenda.kb.ui', 'icons'), os.path.join(root, 'eu.urbanagenda.kb.ui.search', 'icons')
for name, draw in (('navigator', navigator), ('validation', validation), ('overview', overview), ('validate', validate),
                   ('group', group), ('partnerships', partnerships)):
    png(os.path.join(ui, name + '.png'), draw())
for name, draw in (('search', search), ('document', document), ('import', importer)):
    png(os.path.join(search_icons, name + '.png'), draw())
