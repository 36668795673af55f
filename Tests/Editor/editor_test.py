"""The clerk's editor in a real browser (headless Chromium, Debian's chromedriver, selenium):
every property the issue lists, asserted on what the page shows, what it downloads and what
`saraban render` makes of it. Screenshots go to .build/editor-screens/. The speed of the
preview is measured and printed, never asserted. Run by Scripts/editor-test.sh (make test)."""
import json
import os
import re
import shutil
import sys
import tempfile
import time
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import (EXAMPLES, HERE, Browser, Server, leaves, pdf_pages, pdf_text, percentile, png,  # noqa: E402
                     render, run)

THAI = re.compile('[\u0e01-\u0e5b]')
LINES_KEYS = {'references', 'enclosures', 'position'}
server = None
browser = None


def setUpModule():
    global server, browser
    server = Server()
    browser = Browser(1366, 768)


def tearDownModule():
    if browser:
        browser.quit()
    if server:
        server.stop()


def example(name):
    return os.path.join(EXAMPLES, name)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def expected_controls(tree):
    """For each value of a document's tree, the control named by its key path and the value it
    must show (lines joined by line breaks; files and spans are checked apart)."""
    out = []
    for path, value in leaves(tree):
        names = [str(k) for k in path]
        if names[0] == 'memo' and len(names) >= 2 and (names[-1] in LINES_KEYS or (len(names) >= 3 and names[-2] in LINES_KEYS)):
            i = names.index(next(k for k in names if k in LINES_KEYS))
            out.append(('.'.join(names[:i + 1]), None))
            continue
        if names[-1] in ('rowspan', 'colspan') or names[-1] in ('emblem', 'image', 'source'):
            continue
        if len(names) >= 5 and names[-4] == 'rows' and names[-1].isdigit() and names[-2].isdigit():
            out.append(('.'.join(names[:-1]), None))  # a list cell: one text box, a line an item
            continue
        if len(names) >= 6 and names[-5] == 'rows' and names[-2] == 'text' and names[-1].isdigit():
            out.append(('.'.join(names[:-1]), None))
            continue
        out.append(('.'.join(names), value))
    return out


def lookup(tree, name):
    """The value at a dotted path of a tree read with object_pairs_hook=list."""
    v = tree
    for k in name.split('.'):
        if isinstance(v, list) and v and isinstance(v[0], tuple):
            v = dict(v)[k]
        elif isinstance(v, list):
            v = v[int(k)]
        else:
            return None
    return v


def joined(tree, name):
    """The lines of a list value at a dotted path, joined by line breaks (one text as it is)."""
    v = lookup(tree, name)
    if isinstance(v, list) and v and isinstance(v[0], tuple):
        v = dict(v).get('text')
    return '\n'.join(v) if isinstance(v, list) else v


class EditorTests(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        for name in os.listdir(browser.downloads):
            os.unlink(os.path.join(browser.downloads, name))
        browser.size(1366, 768)
        browser.open_editor(server.url)

    def tearDown(self):
        errors = browser.errors()
        self.assertEqual(errors, [], 'the page logged errors')

    def assertPagesShown(self, count):
        self.assertEqual(browser.page_count(), count)
        pages = browser.pages()
        self.assertEqual(len(pages), count)
        for p in pages:
            self.assertTrue(p['complete'] and p['width'] > 100 and p['height'] > 100, p['hash'])
            self.assertTrue(p['src'].startswith(('blob:', 'data:image/png;base64,')), p['src'][:40])
        return pages

    # -- open, fields, preview ------------------------------------------------------------------

    def test_open_shows_every_page_and_every_value(self):
        for name in ['long-memo.yaml', 'hinlekfai.yaml']:
            browser.open_files(example(name))
            cli = os.path.join(tempfile.mkdtemp(), 'cli.pdf')
            shutil.copy(example(name), cli + '.yaml')
            with open(cli, 'wb') as f:
                f.write(render(cli + '.yaml'))
            pages = self.assertPagesShown(pdf_pages(cli))
            portrait = [p for p in pages if p['width'] < p['height']]
            self.assertTrue(portrait, pages)
            self.assertFieldsHold(server.tree(read(example(name))))
            # A wide table scrolls inside its grid, not the form.
            self.assertLessEqual(browser.js('const f = document.getElementById("form"); return f.scrollWidth - f.clientWidth'), 0)
        browser.shot('editor-1366x768-hinlekfai.png')

    def test_every_key_has_its_control_and_the_rest_are_kept(self):
        folder = self.everything_folder()
        browser.open_files(os.path.join(folder, 'everything.yaml'), os.path.join(folder, 'small.csv'),
                           os.path.join(folder, 'ตรา.png'), os.path.join(folder, 'ลายมือชื่อ.png'))
        self.assertEqual(browser.problems(), [])
        tree = server.tree(read(os.path.join(folder, 'everything.yaml')))
        self.assertFieldsHold(tree)
        kept = browser.js('return document.getElementById("kept-keys").textContent')
        for key in ['style.keep_together.0', 'style.page.margin_left', 'style.table.text_size']:
            self.assertIn(key, kept)
        for key in ['memo.agency', 'memo.body.1', 'style.digits']:
            self.assertNotIn(key + ',', kept + ',')
        # Files are shown by name; spans as merged cells.
        for name, file in [('style.emblem', 'ตรา.png'), ('memo.signature.image', 'ลายมือชื่อ.png'),
                           ('attachments.1.content.1.table.source', 'small.csv')]:
            line = browser.control(name).find_element(By.XPATH, './ancestor::div[contains(@class, "file-line")]').text
            self.assertIn(file, line)
            self.assertNotIn('ยังไม่มีแฟ้มนี้', line)
        rows = 'attachments.0.content.1.table.rows'
        td = browser.control(f'{rows}.1.0.text').find_element(By.XPATH, '..')
        self.assertEqual(td.get_attribute('rowspan'), '2')
        td = browser.control(f'{rows}.3.0.text').find_element(By.XPATH, '..')
        self.assertEqual(td.get_attribute('colspan'), '2')
        self.assertEqual(browser.control(f'{rows}.0.group').get_attribute('value'), 'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่')
        # The chart's data in its written order, "2566" in the middle.
        labels = browser.js("""return [...document.querySelectorAll('.chart-rows input[aria-label^="ชื่อแท่ง"]')].map(e => e.value)""")
        self.assertEqual(labels, ['การปฏิบัติหน้าที่', '2566', 'การใช้งบประมาณ'])
        self.assertPagesShown(4)
        browser.shot('editor-1366x768-everything.png')

    def assertFieldsHold(self, tree, uncontrolled=('style.keep_together', 'style.page', 'style.table')):
        checked = 0
        for name, value in expected_controls(tree):
            if name.startswith(uncontrolled):
                continue
            controls = browser.named(name)
            self.assertTrue(controls, f'no control named {name}')
            want = joined(tree, name) if value is None else value
            if want is None:
                continue
            shown = [c.get_attribute('value') for c in controls]
            self.assertIn(want, shown, name)
            checked += 1
        self.assertGreater(checked, 10)

    def everything_folder(self):
        folder = tempfile.mkdtemp(prefix='saraban-everything-')
        shutil.copy(os.path.join(HERE, 'everything.yaml'), folder)
        shutil.copy(os.path.join(HERE, 'small.csv'), folder)
        with open(os.path.join(folder, 'ตรา.png'), 'wb') as f:
            f.write(png(60, 66, (180, 20, 20)))
        with open(os.path.join(folder, 'ลายมือชื่อ.png'), 'wb') as f:
            f.write(png(120, 40, (20, 20, 160)))
        return folder

    def test_an_edit_changes_its_page_only_and_the_downloads_carry_it(self):
        browser.open_files(example('long-memo.yaml'))
        before = self.assertPagesShown(3)
        subject = browser.control('memo.subject')
        subject.send_keys(Keys.END, ' ฉบับแก้ไข')
        browser.idle()
        after = self.assertPagesShown(3)
        self.assertNotEqual(after[0]['hash'], before[0]['hash'])
        self.assertNotEqual(after[0]['src'], before[0]['src'])
        self.assertEqual([p['hash'] for p in after[1:]], [p['hash'] for p in before[1:]], 'pages the edit did not touch were painted again')
        self.assertEqual([p['src'] for p in after[1:]], [p['src'] for p in before[1:]])
        # The PDF carries the edit and every page; the YAML renders to the same bytes.
        browser.control('memo.closing').click()
        browser.js('document.getElementById("download-pdf").click()')
        pdf = browser.downloaded('.pdf')
        self.assertEqual(pdf_pages(pdf), 3)
        self.assertIn('ฉบับแก้ไข', pdf_text(pdf))
        browser.js('document.getElementById("download-yaml").click()')
        yaml = browser.downloaded('.yaml')
        self.assertEqual(render(yaml), read(pdf), 'saraban render of the saved YAML differs from the downloaded PDF')
        self.assertIn('ฉบับแก้ไข', read(yaml).decode())

    def test_saved_yaml_with_pictures_and_a_table_file_renders_the_same_bytes(self):
        folder = self.everything_folder()
        browser.open_files(os.path.join(folder, 'everything.yaml'), os.path.join(folder, 'small.csv'),
                           os.path.join(folder, 'ตรา.png'), os.path.join(folder, 'ลายมือชื่อ.png'))
        browser.control('memo.body.1').send_keys(Keys.END, ' เพิ่มเติม')
        browser.idle()
        browser.js('document.getElementById("download-pdf").click()')
        pdf = browser.downloaded('.pdf')
        browser.js('document.getElementById("download-yaml").click()')
        yaml = browser.downloaded('.yaml')
        for f in ['small.csv', 'ตรา.png', 'ลายมือชื่อ.png']:
            shutil.copy(os.path.join(folder, f), browser.downloads)
        self.assertEqual(render(yaml), read(pdf))
        self.assertIn('เพิ่มเติม', pdf_text(pdf))
        # Every key of the file survives: the saved tree is the opened tree but for the edit.
        opened = server.tree(read(os.path.join(folder, 'everything.yaml')))
        saved = server.tree(read(yaml))
        edited = json.loads(json.dumps(opened, ensure_ascii=False).replace('วัสดุสำนักงาน นั้น"', 'วัสดุสำนักงาน นั้น เพิ่มเติม"'), object_pairs_hook=list)
        self.assertEqual(json.dumps(saved, ensure_ascii=False), json.dumps(edited, ensure_ascii=False))

    def test_json_opens_as_the_same_document(self):
        status, body = server.post('/v1/parse', read(example('long-memo.yaml')))
        self.assertEqual(status, 200)
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, 'memo.json')
        with open(path, 'wb') as f:
            f.write(body)
        browser.open_files(path)
        self.assertPagesShown(3)
        self.assertFieldsHold(server.tree(body, 'application/json'))

    # -- problems, drafts ------------------------------------------------------------------------

    def test_an_emptied_required_field_shows_a_thai_problem_beside_it(self):
        browser.open_files(example('long-memo.yaml'))
        self.assertEqual(browser.problems(), [])
        subject = browser.control('memo.subject')
        subject.send_keys(Keys.CONTROL, 'a')
        subject.send_keys(Keys.DELETE)
        browser.idle()
        problems = browser.problems()
        self.assertEqual([p['key'] for p in problems], ['memo.subject'])
        self.assertIn('เรื่อง', problems[0]['text'])
        self.assertTrue(THAI.search(problems[0]['text']))
        self.assertEqual(subject.get_attribute('aria-invalid'), 'true')
        slot = browser.js('return document.getElementById(arguments[0].getAttribute("aria-describedby")).textContent', subject)
        self.assertIn('เรื่อง', slot)
        self.assertTrue(THAI.search(slot))
        # Clicking the problem takes the clerk to the field.
        browser.control('memo.to').click()
        browser.driver.find_element(By.CSS_SELECTOR, '#problems li button').click()
        self.assertEqual(browser.js('return document.activeElement.name'), 'memo.subject')
        subject.send_keys('ขออนุมัติ')
        browser.idle()
        self.assertEqual(browser.problems(), [])

    def test_a_half_typed_document_keeps_the_last_good_preview(self):
        browser.open_files(example('long-memo.yaml'))
        good = self.assertPagesShown(3)
        browser.driver.find_element(By.XPATH, '//label[contains(., "พิมพ์วันที่เอง")]/input').click()
        date = browser.control('memo.date')
        date.send_keys(Keys.CONTROL, 'a')
        date.send_keys('2026-13-45')
        browser.idle()
        self.assertEqual([p['key'] for p in browser.problems()], ['memo.date'])
        self.assertEqual(browser.pages(), good)
        self.assertIn('stale', browser.js('return document.getElementById("preview").className'))

    def test_a_reload_keeps_the_draft_and_a_new_memo_keeps_the_agency(self):
        browser.open_files(example('long-memo.yaml'))
        body = browser.control('memo.body.1')
        body.send_keys(Keys.END, ' พิมพ์แล้วปิดหน้าทันที')
        browser.driver.refresh()  # at once: no pause for the preview
        browser.wait(lambda: browser.js('return document.body.dataset.ready') == 'true', 'the editor to start')
        self.assertTrue(browser.control('memo.body.1').get_attribute('value').endswith('พิมพ์แล้วปิดหน้าทันที'))
        browser.idle()
        self.assertPagesShown(3)
        browser.js('document.getElementById("new-memo").click()')
        browser.idle()
        value = lambda n: browser.control(n).get_attribute('value')  # noqa: E731
        self.assertEqual(value('memo.agency'), 'กองยุทธศาสตร์และงบประมาณ องค์การบริหารส่วนตำบลหินเหล็กไฟ')
        self.assertEqual(value('memo.ref'), 'ปข ๗๕๐๐๑/')
        self.assertEqual(value('memo.to'), 'นายกองค์การบริหารส่วนตำบลหินเหล็กไฟ')
        self.assertEqual(value('memo.signature.name'), 'นายสมศักดิ์ ใจซื่อตรง')
        self.assertEqual(value('memo.subject'), '')
        self.assertEqual(value('memo.date'), time.strftime('%Y-%m-%d'))
        self.assertEqual(browser.js('return document.activeElement.name'), 'memo.subject')
        # The memo before it is still a draft, and opens again.
        options = browser.js('return [...document.querySelectorAll("#drafts option")].map(o => [o.value, o.textContent])')
        old = [v for v, t in options if t.startswith('ขออนุมัติแผนการดำเนินการ')]
        self.assertEqual(len(old), 1, options)
        browser.js('const s = document.getElementById("drafts"); s.value = arguments[0]; s.dispatchEvent(new Event("change"))', old[0])
        browser.idle()
        self.assertTrue(browser.control('memo.body.1').get_attribute('value').endswith('พิมพ์แล้วปิดหน้าทันที'))

    def test_the_emblem_is_uploaded_once_and_kept(self):
        folder = self.everything_folder()
        browser.open_files(example('long-memo.yaml'))
        first = browser.pages()[0]['hash']
        browser.control('style.emblem').send_keys(os.path.join(folder, 'ตรา.png'))
        browser.wait(lambda: 'ตรา.png' in browser.js('return document.querySelector(\'[data-path="style.emblem"]\').textContent'), 'the emblem')
        browser.idle()
        self.assertNotEqual(browser.pages()[0]['hash'], first)
        browser.js('document.getElementById("new-memo").click()')
        browser.control('memo.subject').send_keys('เรื่องใหม่')
        browser.idle()
        self.assertEqual(browser.problems(), [])
        self.assertEqual(dict(dict(browser.tree())['style'])['emblem'], 'ตรา.png')
        browser.js('document.getElementById("download-pdf").click()')
        pdf = browser.downloaded('.pdf')
        images = [line for line in run('pdfimages', '-list', pdf).stdout.decode().splitlines()[2:] if line.strip()]
        self.assertTrue(any(' 60 ' in line and ' 66 ' in line for line in images), images)

    # -- the table grid -------------------------------------------------------------------------

    def add_table(self):
        browser.open_files(example('long-memo.yaml'))
        browser.driver.find_element(By.XPATH, '//button[normalize-space()="+ เพิ่มสิ่งที่แนบ"]').click()
        browser.control('attachments.0.title').send_keys('ตารางที่วางจาก Excel')
        browser.driver.find_element(By.CSS_SELECTOR, 'button[aria-label="เพิ่มตารางท้ายเนื้อหาของสิ่งที่แนบ"]').click()
        browser.idle()
        return 'attachments.0.content.1.table'

    def paste(self, element, plain, html=None):
        browser.js("""const [el, plain, html] = arguments; el.focus();
            const dt = new DataTransfer(); dt.setData('text/plain', plain); if (html) dt.setData('text/html', html);
            el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));""", element, plain, html)

    def test_a_pasted_tab_separated_block_becomes_rows(self):
        table = self.add_table()
        tsv = 'มาตรการ\tผู้รับผิดชอบ\tผล\r\n๑. ประชุม\tสำนักปลัด\t"ทำแล้ว\r\nครบถ้วน"\r\n๒. อบรม\tกองคลัง\t๙๕.๕\r\n๓. เผยแพร่\tกองช่าง\t"""ร้อยละ"" ๘๐"\r\n'
        self.paste(browser.control(f'{table}.columns.0.title'), tsv)
        browser.idle()
        rows = lookup(browser.tree(), table + '.rows')
        self.assertEqual(rows, [['๑. ประชุม', 'สำนักปลัด', 'ทำแล้ว\nครบถ้วน'], ['๒. อบรม', 'กองคลัง', '๙๕.๕'], ['๓. เผยแพร่', 'กองช่าง', '"ร้อยละ" ๘๐']])
        titles = [browser.control(f'{table}.columns.{c}.title').get_attribute('value') for c in range(3)]
        self.assertEqual(titles, ['มาตรการ', 'ผู้รับผิดชอบ', 'ผล'])
        self.assertEqual(browser.control(f'{table}.rows.0.2').get_attribute('value'), 'ทำแล้ว\nครบถ้วน')
        self.assertEqual(browser.problems(), [])
        self.assertEqual(browser.page_count(), 4)
        # A block pasted into a row's cell fills from there, adding rows and columns.
        self.paste(browser.control(f'{table}.rows.2.1'), 'ก\tข\tค\nง\tจ\tฉ\n')
        browser.idle()
        rows = lookup(browser.tree(), table + '.rows')
        self.assertEqual(rows[2:], [['๓. เผยแพร่', 'ก', 'ข', 'ค'], ['', 'ง', 'จ', 'ฉ']])
        self.assertEqual(len(browser.named(f'{table}.columns.3.title')), 1)
        browser.js('document.getElementById("download-pdf").click()')
        text = pdf_text(browser.downloaded('.pdf'))
        for cell in ['๑.ประชุม', 'ทำแล้ว', 'ครบถ้วน', '๙๕.๕', 'ก', 'ฉ']:
            self.assertIn(cell, text)
        browser.shot('editor-1366x768-table.png')

    def test_an_html_table_from_word_keeps_its_merged_cells(self):
        table = self.add_table()
        html = ('<table><tr><td colspan="3">ตัวชี้วัดที่ ๑</td></tr>'
                '<tr><td rowspan="2"><p>มาตรการ</p><p>ที่รวมสองแถว</p></td><td>ก</td><td>ข</td></tr>'
                '<tr><td>ค</td><td>ง</td></tr></table>')
        self.paste(browser.control(f'{table}.rows.0.0'), 'ignored\tplain', html)
        browser.idle()
        rows = lookup(browser.tree(), table + '.rows')
        self.assertEqual(rows, [[('group', 'ตัวชี้วัดที่ ๑')], [[('text', 'มาตรการ\nที่รวมสองแถว'), ('rowspan', '2')], 'ก', 'ข'], ['ค', 'ง']])
        self.assertEqual(browser.problems(), [])
        browser.js('arguments[0].scrollIntoView({block: "center"})', browser.control(f'{table}.rows.1.1'))
        browser.shot('editor-1366x768-merged.png')

    def test_a_table_imported_from_excel_and_word_fills_the_grid(self):
        import docx
        import openpyxl
        folder = tempfile.mkdtemp()
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = 'ผลการดำเนินงาน'
        wb.create_sheet('ว่าง', 0)  # the table is on the second sheet: chosen by its name
        for row in [['มาตรการ', 'ผู้รับผิดชอบ', 'ผล'], ['ตัวชี้วัดที่ ๑', None, None], ['๑. ประชุม', 'สำนักปลัด', 'ทำแล้ว\nครบถ้วน'],
                    ['๒. อบรม', 'กองคลัง', 'ร้อยละ ๙๕'], [None, 'กองช่าง', 'ยังไม่ทำ']]:
            ws.append(row)
        ws.merge_cells('A2:C2')
        ws.merge_cells('A4:A5')
        ws.column_dimensions['A'].width = 30
        ws.column_dimensions['B'].width = 15
        ws.column_dimensions['C'].width = 15
        xlsx = os.path.join(folder, 'measures.xlsx')
        wb.save(xlsx)
        table = self.add_table()
        browser.control(f'{table}.rows.0.0').send_keys('ก')  # typed rows are replaced, once asked
        browser.js('window.confirm = () => true')
        browser.control(f'import-sheet:{table}').send_keys('ผลการดำเนินงาน')
        browser.control(f'import:{table}').send_keys(xlsx)
        browser.wait(lambda: 'นำเข้าตาราง' in browser.status(), 'the table to be imported')
        browser.idle()
        got = lookup(browser.tree(), table)
        self.assertEqual(lookup(browser.tree(), table + '.rows'),
                         [[('group', 'ตัวชี้วัดที่ ๑')], ['๑. ประชุม', 'สำนักปลัด', 'ทำแล้ว\nครบถ้วน'],
                          [[('text', '๒. อบรม'), ('rowspan', '2')], 'กองคลัง', 'ร้อยละ ๙๕'], ['กองช่าง', 'ยังไม่ทำ']])
        columns = dict(got)['columns']
        self.assertEqual([dict(c)['title'] for c in columns], ['มาตรการ', 'ผู้รับผิดชอบ', 'ผล'])
        self.assertEqual([dict(c)['width'] for c in columns], ['2', '1', '1'])
        self.assertEqual(browser.control(f'{table}.rows.1.2').get_attribute('value'), 'ทำแล้ว\nครบถ้วน')
        self.assertEqual(browser.control(f'{table}.columns.1.title').get_attribute('value'), 'ผู้รับผิดชอบ')
        self.assertEqual(browser.problems(), [])
        self.assertNotIn('source', dict(got), 'the rows are the document\'s own, not a source file')
        browser.js('arguments[0].scrollIntoView({block: "center"})', browser.control(f'{table}.rows.1.1'))
        browser.shot('editor-1366x768-imported.png')
        browser.js('document.getElementById("download-pdf").click()')
        text = pdf_text(browser.downloaded('.pdf'))
        for cell in ['ตัวชี้วัดที่', 'ทำแล้ว', 'ครบถ้วน', 'กองช่าง', 'ยังไม่ทำ']:
            self.assertIn(cell, text)
        # A Word table: a merge across both columns is a group row, a merge down a rowspan.
        d = docx.Document()
        t = d.add_table(rows=4, cols=2)
        for (r, c), v in {(0, 0): 'ชื่อ', (0, 1): 'ตำแหน่ง', (1, 0): 'นายสมชาย', (1, 1): 'ปลัด', (3, 1): 'รองปลัด'}.items():
            t.cell(r, c).text = v
        t.cell(2, 0).merge(t.cell(3, 0)).text = 'นางสมศรี'
        t.cell(2, 1).text = 'หัวหน้าสำนักปลัด'
        word = os.path.join(folder, 'people.docx')
        d.save(word)
        browser.control(f'import-sheet:{table}').clear()
        browser.control(f'import:{table}').send_keys(word)
        browser.wait(lambda: 'people.docx' in browser.status(), 'the Word table to be imported')
        browser.idle()
        self.assertEqual(lookup(browser.tree(), table + '.rows'),
                         [['นายสมชาย', 'ปลัด'], [[('text', 'นางสมศรี'), ('rowspan', '2')], 'หัวหน้าสำนักปลัด'], ['รองปลัด']])
        self.assertEqual(browser.problems(), [])
        # A sheet that is not there: the Thai message names the sheets there are, the grid stays.
        browser.control(f'import-sheet:{table}').send_keys('ไม่มี')
        browser.control(f'import:{table}').send_keys(xlsx)
        note = lambda: browser.js('return document.querySelector(".import-msg").textContent')  # noqa: E731
        browser.wait(lambda: 'ไม่มีแผ่นงาน' in note(), 'the Thai message')
        self.assertIn('ผลการดำเนินงาน', note())
        self.assertEqual(len(lookup(browser.tree(), table + '.rows')), 3)

    def test_rows_and_columns_are_added_removed_and_merged(self):
        table = self.add_table()
        browser.control(f'{table}.rows.0.0').send_keys('ก')
        browser.control(f'{table}.rows.1.1').send_keys('ข')
        browser.control(f'{table}.rows.0.0').click()
        click = lambda text: browser.driver.find_element(By.XPATH, f'//div[@class="grid-tools"]/button[normalize-space()="{text}"]').click()  # noqa: E731
        click('+ คอลัมน์ขวา')
        click('+ แถวล่าง')
        rows = lambda: lookup(browser.tree(), table + '.rows')  # noqa: E731
        self.assertEqual(rows(), [['ก', '', ''], ['', '', ''], ['', '', 'ข']])
        browser.control(f'{table}.rows.0.0').click()
        span = browser.driver.find_element(By.XPATH, '//div[@class="grid-tools"]//label[contains(., "รวมแถว")]/input')
        span.send_keys(Keys.CONTROL, 'a')
        span.send_keys('3', Keys.TAB)
        self.assertEqual(rows(), [[[('text', 'ก'), ('rowspan', '3')], '', ''], ['', ''], ['', 'ข']])
        browser.control(f'{table}.rows.2.1').click()
        click('ลบคอลัมน์')
        self.assertEqual(rows(), [[[('text', 'ก'), ('rowspan', '3')], ''], [''], ['']])
        browser.control(f'{table}.rows.1.0').click()
        click('แถวหัวข้อกลุ่ม')
        self.assertEqual(rows()[:2], [['ก', ''], [('group', '')]])
        browser.idle()
        self.assertEqual(browser.problems(), [])

    # -- keyboard, layout, sizes ----------------------------------------------------------------

    def test_keyboard_alone_adds_moves_and_fills_a_paragraph(self):
        browser.open_files(example('long-memo.yaml'))
        browser.js('document.activeElement.blur(); document.body.focus()')
        active = lambda: browser.js('const a = document.activeElement; return [a.tagName, a.name || "", a.textContent.trim(), a.getAttribute("aria-label") || ""]')  # noqa: E731
        for _ in range(400):
            browser.keys(Keys.TAB)
            if active()[3] == 'เพิ่มย่อหน้าท้ายเนื้อความ':
                break
        self.assertEqual(active()[3], 'เพิ่มย่อหน้าท้ายเนื้อความ')
        browser.keys(Keys.ENTER)
        self.assertEqual(active()[1], 'memo.body.9')
        browser.keys('ย่อหน้าที่พิมพ์ด้วยแป้นพิมพ์')
        ActionChains(browser.driver).key_down(Keys.ALT).send_keys(Keys.ARROW_UP).key_up(Keys.ALT).perform()
        self.assertEqual(browser.control('memo.body.8').get_attribute('value'), 'ย่อหน้าที่พิมพ์ด้วยแป้นพิมพ์')
        self.assertEqual(active()[1], 'memo.body.8')
        browser.keys(' ต่อ')
        self.assertEqual(browser.control('memo.body.8').get_attribute('value'), 'ย่อหน้าที่พิมพ์ด้วยแป้นพิมพ์ ต่อ')
        browser.idle()
        self.assertEqual(browser.problems(), [])
        # Every control has a name a screen reader can say.
        unnamed = browser.js("""return [...document.querySelectorAll('#form input, #form textarea, #form select, button')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
            .map(e => e.outerHTML.slice(0, 120))""")
        self.assertEqual(unnamed, [])

    def test_no_layout_shift_while_typing_and_sizes_fit(self):
        for width, height, name in [(1366, 768, 'editor-1366x768.png'), (1024, 768, 'editor-tablet-1024x768.png'),
                                    (768, 1024, 'editor-tablet-768x1024.png')]:
            browser.size(width, height)
            browser.open_editor(server.url)
            browser.open_files(example('long-memo.yaml'))
            browser.js("""window.__shifts = []; new PerformanceObserver(l => l.getEntries().forEach(e => __shifts.push(
                {value: e.value, recent: e.hadRecentInput, sources: e.sources.map(s => s.node ? (s.node.className || s.node.nodeName) : '')})))
                .observe({type: 'layout-shift', buffered: false});""")
            field = browser.control('memo.body.3')
            for ch in 'ทดสอบการพิมพ์':
                field.send_keys(ch)
                time.sleep(0.05)
            field.send_keys(Keys.END, '**')
            browser.idle()
            time.sleep(0.3)
            shifts = [s for s in browser.js('return window.__shifts') if not s['recent']]
            self.assertEqual(shifts, [], f'{width}×{height}')
            fits = browser.js("""const r = s => document.querySelector(s).getBoundingClientRect();
                const page = r('#preview .page'), bar = r('.bar'), form = r('#form');
                return {overflow: document.documentElement.scrollWidth - innerWidth, bar: bar.bottom, pageWidth: page.width,
                        pageTop: page.top, form: form.height, buttons: [...document.querySelectorAll('.actions button, .actions .button')]
                        .every(b => { const x = b.getBoundingClientRect(); return x.right <= innerWidth && x.bottom <= innerHeight; })}""")
            self.assertLessEqual(fits['overflow'], 0, fits)
            self.assertTrue(fits['buttons'], fits)
            self.assertGreater(fits['pageWidth'], 300, fits)
            self.assertLess(fits['pageTop'], height - 150, fits)
            self.assertGreater(fits['form'], 250, fits)
            browser.control('memo.body.6').click()
            browser.idle()
            browser.shot(name)

    def test_print_makes_the_pdf(self):
        browser.open_files(example('long-memo.yaml'))
        browser.driver.find_element(By.ID, 'print').click()
        browser.wait(lambda: browser.js('return document.getElementById("print-frame").dataset.pdf || ""'), 'the PDF to print')
        head = browser.driver.execute_async_script("""const done = arguments[0];
            fetch(document.getElementById('print-frame').dataset.pdf).then(r => r.arrayBuffer())
            .then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 5)))));""")
        self.assertEqual(head, '%PDF-')

    def test_a_service_with_a_token_is_asked_for_it_once(self):
        folder = tempfile.mkdtemp()
        token = 'editor-test-token-0123456789'
        with open(os.path.join(folder, 'token'), 'w') as f:
            f.write(token + '\n')
        guarded = Server('--token-file', os.path.join(folder, 'token'))
        try:
            status, _ = guarded.post('/v1/check', read(example('long-memo.yaml')))
            self.assertEqual(status, 401)
            browser.driver.get(guarded.url)
            browser.wait(lambda: browser.driver.switch_to.alert.text.startswith('เครื่องบริการนี้ต้องใช้รหัสผ่าน'), 'the token prompt')
            alert = browser.driver.switch_to.alert
            alert.send_keys(token)
            alert.accept()
            browser.wait(lambda: browser.js('return document.body.dataset.ready') == 'true', 'the editor to start')
            browser.open_files(example('long-memo.yaml'))
            self.assertPagesShown(3)
            self.assertEqual(browser.problems(), [])
        finally:
            guarded.stop()
            browser.driver.get('about:blank')

    # -- speed ----------------------------------------------------------------------------------

    def test_zz_speed_of_the_preview(self):
        edits = int(os.environ.get('EDITOR_EDITS', '20'))
        query = os.environ.get('EDITOR_QUERY', '')
        if query:
            browser.open_editor(server.url + '/?' + query)
        browser.open_files(example('long-memo.yaml'))
        self.assertPagesShown(3)
        browser.js("""window.__keys = []; document.addEventListener('keydown', () => __keys.push(performance.now()), true);""")
        field = browser.control('memo.body.3')
        field.click()
        field.send_keys(Keys.END)
        browser.idle()
        rows = []
        for i in range(edits):
            done = len(browser.js('return window.sarabanMetrics'))
            field.send_keys('กขคง'[i % 4])
            browser.wait(lambda: len(browser.js('return window.sarabanMetrics')) > done, 'a refresh')
            browser.idle()
            key = browser.js('return window.__keys[window.__keys.length - 1]')
            m = [x for x in browser.js('return window.sarabanMetrics')[done:] if x['shown'] > 0][-1]
            rows.append({'total': m['shown'] - key, 'pause': m['sent'] - key, 'request': m['answered'] - m['sent'],
                         'decode': m['decoded'] - m['answered'], 'swap': m['shown'] - m['decoded'], 'painted': m['painted'],
                         **{f'server_{k}': v for k, v in m['server'].items()}})
            time.sleep(0.2)
        report(rows, os.environ.get('EDITOR_BUILD', 'debug') + ' build' + (f', ?{query}' if query else ''))
        self.assertEqual(len(rows), edits)


def report(rows, build):
    def stat(key):
        values = [r.get(key, 0) for r in rows]
        return f'p50 {percentile(values, 0.5):6.1f} ms  p95 {percentile(values, 0.95):6.1f} ms'
    print(f'\neditor preview, long-memo.yaml (3 pages), {len(rows)} edits of one keystroke, {build}:', file=sys.stderr)
    print(f'  keystroke -> every picture updated  {stat("total")}', file=sys.stderr)
    print(f'    pause before the request          {stat("pause")}', file=sys.stderr)
    print(f'    request (answer read)             {stat("request")}', file=sys.stderr)
    for k in ['queue', 'load', 'layout', 'paint']:
        print(f'      service {k:<6} (Server-Timing) {stat("server_" + k)}', file=sys.stderr)
    print(f'    base64 + PNG decode               {stat("decode")}', file=sys.stderr)
    print(f'    swap into the page                {stat("swap")}', file=sys.stderr)
    painted = sum(r['painted'] for r in rows) / max(1, len(rows))
    print(f'  pages painted per edit: {painted:.2f} of 3', file=sys.stderr)


if __name__ == '__main__':
    unittest.main(verbosity=2)
