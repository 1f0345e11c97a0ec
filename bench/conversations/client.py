#!/usr/bin/env python3
"""The timing client of bench/conversations: signs in as user 1 (a member), then over one
kept-alive connection (Python's http.client) times to the last byte:
 - the conversation with BIG replies, GET /spaces/SLUG/conversations/ID (RUNS after 5);
 - the space's search, GET /spaces/SLUG/conversations/search?q=... for each line of
   QUERIES (SEARCH_RUNS each after 2), all together and the slowest query;
 - a hot page with the header's count of unread notifications (user 1 has some waiting),
   GET /spaces (RUNS after 5).

  client.py URL EMAIL PASSWORD EXPECT.json QUERIES RUNS SEARCH_RUNS"""
import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
from session import Session, pct  # noqa: E402

url, email, password, expect_file, queries_file, runs, search_runs = sys.argv[1:8]
runs, search_runs = int(runs), int(search_runs)
expect = json.load(open(expect_file))
s = Session(url)
s.sign_in(email, password)


def line(what, times, extra=''):
    print(f'-- {what}: {len(times)} runs: p50 {pct(times, 0.5):.2f} ms, p99 {pct(times, 0.99):.2f} ms, '
          f'slowest {max(times):.2f} ms{extra}', flush=True)


# The replies come in pages of 100: the first page, the last, and each page in turn.
path = f'/spaces/{expect["space"]}/conversations/{expect["big"]}'
pages = (expect['big_replies'] + 99) // 100
for what, p in [('first page', path), ('last page', f'{path}?page={pages}')]:
    times, body = s.timed(p, runs, 5)
    shown = len(re.findall(rb'id="post-\d+"', body))
    line(f'GET {p} (a conversation with {expect["big_replies"]} replies, its {what})', times,
         f'; {shown} posts on the page, {len(body)} bytes')
every = []
for i in range(runs):
    t, _ = s.timed(f'{path}?page={i % pages + 1}', 1, 0)
    every += t
line(f'GET {path}?page=1..{pages} in turn (every page of the {expect["big_replies"]} replies)', every)

all_times, slowest = [], (0, '')
for q in [l.strip() for l in open(queries_file) if l.strip()]:
    p = f'/spaces/{expect["space"]}/conversations/search?q={urllib.parse.quote(q)}'
    t, body = s.timed(p, search_runs, 2)
    found = len(re.findall(rb'<li class="hs-card">', body))
    all_times += t
    if pct(t, 0.99) > slowest[0]:
        slowest = (pct(t, 0.99), q)
    print(f'   search "{q}": p50 {pct(t, 0.5):.2f} ms, p99 {pct(t, 0.99):.2f} ms, {found} results on the first page',
          flush=True)
line(f'search over {expect["posts"]} posts (every query above)', all_times,
     f'; the slowest query "{slowest[1]}" p99 {slowest[0]:.2f} ms')

times, body = s.timed('/spaces', runs, 5)
m = re.search(rb'<span class="govuk-visually-hidden">(Notifications, [^<]*)</span>', body)
line('GET /spaces (a hot page; the header counts unread notifications)', times,
     f'; the header says "{m.group(1).decode() if m else "Notifications"}"')
