"""The editor test's machinery: `saraban serve` on a free port, headless Chromium through
Debian's chromedriver, downloads into a folder, and the waits the page's own hooks allow
(window.sarabanIdle, window.sarabanMetrics, window.sarabanTree)."""
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SARABAN = os.environ.get('SARABAN', os.path.join(ROOT, '.build', 'debug', 'saraban'))
EXAMPLES = os.path.join(ROOT, 'Templates', 'examples')
HERE = os.path.dirname(os.path.abspath(__file__))
SHOTS = os.path.join(ROOT, '.build', 'editor-screens')


class Server:
    """`saraban serve --port 0`, its port read from the line it always prints."""

    def __init__(self, *extra):
        self.log = tempfile.NamedTemporaryFile(prefix='saraban-editor-serve-', suffix='.log', delete=False)  # noqa: SIM115
        self.proc = subprocess.Popen([SARABAN, 'serve', '--port', '0', '--jobs', '2', '--log-level', 'warning', *extra],
                                     stdout=subprocess.DEVNULL, stderr=self.log)
        self.port = None
        for _ in range(300):
            with open(self.log.name, encoding='utf-8', errors='replace') as f:
                for line in f:
                    if 'listening on 127.0.0.1:' in line:
                        self.port = int(line.rsplit(':', 1)[1])
            if self.port or self.proc.poll() is not None:
                break
            time.sleep(0.1)
        if not self.port:
            with open(self.log.name, encoding='utf-8', errors='replace') as f:
                raise RuntimeError('saraban serve did not start: ' + f.read())
        self.url = f'http://127.0.0.1:{self.port}'

    def post(self, route, body, content_type='application/yaml'):
        req = urllib.request.Request(self.url + route, data=body, method='POST', headers={'Content-Type': content_type})
        try:
            with urllib.request.urlopen(req) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def tree(self, yaml_bytes, content_type='application/yaml'):
        """The document's tree as the service reads it (keys in order)."""
        status, body = self.post('/v1/parse', yaml_bytes, content_type)
        assert status == 200, body[:300]
        return json.loads(body, object_pairs_hook=list)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        os.unlink(self.log.name)


class Browser:
    """Headless Chromium at a given window size, downloading into its own folder."""

    def __init__(self, width=1366, height=768):
        self.downloads = tempfile.mkdtemp(prefix='saraban-editor-downloads-')
        o = webdriver.ChromeOptions()
        o.binary_location = shutil.which('chromium') or '/usr/bin/chromium'
        for a in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=th-TH',
                  '--disable-features=Translate', f'--window-size={width},{height}']:
            o.add_argument(a)
        o.add_experimental_option('prefs', {'download.default_directory': self.downloads, 'download.prompt_for_download': False,
                                            'intl.accept_languages': 'th-TH,th'})
        o.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
        self.driver = webdriver.Chrome(service=Service(shutil.which('chromedriver') or '/usr/bin/chromedriver'), options=o)
        self.driver.execute_cdp_cmd('Browser.setDownloadBehavior', {'behavior': 'allow', 'downloadPath': self.downloads})
        self.size(width, height)

    def size(self, width, height):
        self.driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride',
                                    {'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': False})

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def open_editor(self, url, fresh=True):
        """The editor, with nothing kept from an earlier test when `fresh`."""
        d = self.driver
        if fresh:
            d.get('about:blank')  # the editor's pagehide writes its draft: leave it before clearing
            parts = urllib.parse.urlsplit(url)
            origin = f'{parts.scheme}://{parts.netloc}'
            d.execute_cdp_cmd('Storage.clearDataForOrigin', {'origin': origin, 'storageTypes': 'local_storage,indexeddb'})
        d.get(url)
        self.wait(lambda: self.js('return document.body.dataset.ready') == 'true', 'the editor to start')
        self.idle()

    def wait(self, cond, what, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            try:
                if cond():
                    return
            except Exception:  # the page is reloading
                pass
            time.sleep(0.03)
        raise AssertionError(f'timed out waiting for {what}')

    def idle(self, timeout=60):
        """Until no preview refresh is waiting or running."""
        self.wait(lambda: self.js('return window.sarabanIdle && window.sarabanIdle()'), 'the preview to settle', timeout)

    def open_files(self, *paths):
        self.driver.find_element(By.CSS_SELECTOR, 'input[type=file][name=open]').send_keys('\n'.join(os.path.abspath(p) for p in paths))
        self.wait(lambda: 'เปิด' in self.status() and 'แล้ว' in self.status() or 'ไม่ได้' in self.status(), 'the file to open')
        self.idle()

    def keys(self, *keys):
        """Keys typed to whatever has the focus (never a file path into a file input)."""
        ActionChains(self.driver).send_keys(*keys).perform()

    def status(self):
        return self.js('return document.getElementById("status").textContent')

    def tree(self):
        return json.loads(self.js('return window.sarabanTree()'), object_pairs_hook=list)

    def named(self, name):
        return self.driver.find_elements(By.CSS_SELECTOR, f'[name="{css_escape(name)}"]')

    def control(self, name):
        found = self.named(name)
        assert found, f'no control named {name}'
        return found[0]

    def pages(self):
        """Each preview page: its fingerprint, picture size and whether the picture is decoded."""
        return self.js("""return [...document.querySelectorAll('#preview .page')].map(b => {
            const img = b.querySelector('img');
            return {hash: b.dataset.hash, section: Number(b.dataset.section), src: img ? img.src : '',
                    width: img ? img.naturalWidth : 0, height: img ? img.naturalHeight : 0, complete: img ? img.complete : false};
        })""")

    def page_count(self):
        return int(self.js('return document.getElementById("page-count").dataset.count'))

    def problems(self):
        return self.js("""return [...document.querySelectorAll('#problems li')].map(li => ({key: li.dataset.key, text: li.textContent}))""")

    def downloaded(self, suffix, before=(), timeout=30):
        """The file that appears in the downloads folder with this suffix."""
        found = []

        def done():
            names = [n for n in os.listdir(self.downloads) if n.endswith(suffix) and n not in before]
            found[:] = names
            return bool(names)

        self.wait(done, f'a downloaded {suffix}', timeout)
        return os.path.join(self.downloads, found[0])

    def shot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        path = os.path.join(SHOTS, name)
        self.driver.save_screenshot(path)
        return path

    def errors(self):
        """Console errors other than the answers the page handles (422: a document with problems;
        401: a service with a token, before it is given)."""
        return [e['message'] for e in self.driver.get_log('browser')
                if e['level'] == 'SEVERE' and 'status of 422' not in e['message'] and 'status of 401' not in e['message']]

    def quit(self):
        self.driver.quit()
        shutil.rmtree(self.downloads, ignore_errors=True)


def css_escape(name):
    return name.replace('\\', '\\\\').replace('"', '\\"')


def png(width, height, rgb):
    """A PNG of one colour."""
    raw = b''.join(b'\x00' + bytes(rgb) * width for _ in range(height))

    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)

    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def run(*args, cwd=None):
    return subprocess.run(list(args), cwd=cwd, capture_output=True, check=False)


def render(yaml_path):
    """`saraban render` of a file (beside its files); the PDF's bytes."""
    out = yaml_path + '.cli.pdf'
    r = run(SARABAN, 'render', yaml_path, '-o', out)
    assert r.returncode == 0, r.stderr.decode()[:500]
    with open(out, 'rb') as f:
        return f.read()


def pdf_pages(path):
    info = run('pdfinfo', path).stdout.decode()
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith('Pages:')))


def pdf_text(path):
    return ''.join(run('pdftotext', '-enc', 'UTF-8', path, '-').stdout.decode().split())


def leaves(tree, path=()):
    """Every (path, value) of a tree read with object_pairs_hook=list."""
    if isinstance(tree, list) and tree and all(isinstance(p, tuple) for p in tree):
        for k, v in tree:
            yield from leaves(v, path + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from leaves(v, path + (i,))
    else:
        yield path, tree


def percentile(values, q):
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)
