"""What the benches' timing clients share: one kept-alive HTTP connection (Python's
http.client) that keeps the server's cookies, signing in through /signin as a person does
(its CSRF token, then the form), timing GETs to the last byte, and percentiles."""
import http.client
import re
import sys
import time
import urllib.parse


class Session:
    def __init__(self, url, timeout=120):
        self.url = url
        parts = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h['Cookie'] = '; '.join(f'{k}={v}' for k, v in self.cookies.items())
        self.conn.request(method, path, body=body, headers=h)
        res = self.conn.getresponse()
        data = res.read()
        for c in res.msg.get_all('Set-Cookie') or []:
            name, _, value = c.split(';')[0].partition('=')
            if value:
                self.cookies[name.strip()] = value.strip()
            else:
                self.cookies.pop(name.strip(), None)
        return res.status, res, data

    def sign_in(self, email, password):
        status, _, page = self.request('GET', '/signin')
        m = re.search(rb'name="csrf" value="([^"]+)"', page)
        if status != 200 or not m:
            sys.exit(f'GET /signin answered {status} without a CSRF token')
        form = urllib.parse.urlencode({'csrf': m.group(1).decode(), 'email': email, 'password': password})
        status, _, _ = self.request('POST', '/signin', form,
                                    {'Content-Type': 'application/x-www-form-urlencoded', 'Origin': self.url})
        if status != 303:
            sys.exit(f'sign-in answered {status}')

    def timed(self, path, count, warm):
        """GET path warm + count times; the last count times in ms, and the last body."""
        times, body = [], b''
        for i in range(warm + count):
            t = time.perf_counter()
            status, _, body = self.request('GET', path)
            took = (time.perf_counter() - t) * 1000
            if status != 200:
                sys.exit(f'GET {path} answered {status}')
            if i >= warm:
                times.append(took)
        return times, body


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] if v else 0.0
