#!/usr/bin/env python3
"""Writes the ingest fixtures in this folder (run from anywhere; Python 3 standard library
only). Every text here was written for Qarin's tests; none is copied from a real outlet.
The binary fixtures (encodings, zips, .docx) are made from the texts below, so the
expectations in cases.toml can be read next to their source."""
import io, os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

AR_TITLE = "افتتاح معرض الكتاب الدولي في عمّان بمشاركة 400 دار نشر"
AR_BODY = [
    "عمّان - افتتح وزير الثقافة صباح الأحد معرض الكتاب الدولي في دورته الجديدة، بمشاركة أكثر من أربعمئة دار نشر عربية وأجنبية.",
    "وقال الوزير في كلمة الافتتاح إن المعرض يقدم هذا العام برنامجاً ثقافياً واسعاً يضم ندوات وأمسيات شعرية وورش عمل للأطفال.",
    "وأضاف أن عدد الزوار في الدورة الماضية تجاوز مئتي ألف زائر، متوقعاً أن يرتفع العدد هذا العام بعد تمديد ساعات العمل.",
    "ويستمر المعرض عشرة أيام، ويفتح أبوابه يومياً من العاشرة صباحاً حتى العاشرة مساءً.",
]
AR_TEXT = AR_TITLE + "\n\n" + "\n".join(AR_BODY) + "\n"

EN_TITLE = "Café owners in Lyon protest new terrace rules"
EN_BODY = [
    "LYON — Dozens of café owners gathered outside the town hall on Tuesday to protest rules that would cut the hours their terraces may stay open.",
    "“We pay €1,200 a month for a terrace we may use for six hours,” said one owner, whose brasserie has stood on the square since 1962.",
    "The council said the rules answer complaints from residents about noise, and that it would review them after the summer.",
]
EN_TEXT = EN_TITLE + "\n\n" + "\n".join(EN_BODY) + "\n"

STORM_TITLE = "Storm cuts power to coastal towns"
STORM_BODY = "A storm swept along the coast overnight, cutting power to thousands of homes and closing the harbour road, officials said on Wednesday. Crews expected to restore electricity by the evening."


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    # Encodings.
    write("ar_windows1256.txt", AR_TEXT.encode("cp1256"))
    write("ar_iso8859_6.txt", AR_TEXT.replace("ً", "").encode("iso8859_6"))
    write("ar_utf16le_bom.txt", "\ufeff".encode("utf-16-le") + AR_TEXT.encode("utf-16-le"))
    write("en_utf16be_bom.txt", "\ufeff".encode("utf-16-be") + EN_TEXT.encode("utf-16-be"))
    write("ar_utf16le_nobom.txt", AR_TEXT.encode("utf-16-le"))
    write("en_windows1252.txt", EN_TEXT.encode("cp1252"))
    write("ar_utf8_bom_crlf.txt", ("\ufeff" + AR_TEXT).replace("\n", "\r\n").encode("utf-8"))
    write("en_cr_only.txt", EN_TEXT.replace("\n", "\r").encode("utf-8"))
    # Bad and unread files.
    write("empty.txt", b"")
    write("blank.txt", b" \r\n\t\n")
    write("binary.txt", bytes(range(256)) * 4)
    write("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    write("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    # Exports and a sidecar.
    csv = "title,text,date,source\r\n"
    csv += f'"{EN_TITLE}","{chr(10).join(EN_BODY).replace(chr(34), chr(34) * 2)}",2023-06-13,Rhône Daily\r\n'
    csv += f'{STORM_TITLE},"{STORM_BODY}",14/06/2023,Coast Herald\r\n'
    csv += ",,,\r\n"
    write("export.csv", csv.encode("utf-8"))
    import json
    lines = [
        json.dumps({"headline": AR_TITLE, "body": "\n".join(AR_BODY), "published": "2023-03-12T09:00:00+03:00", "author": {"name": "سلمى الخطيب"}}, ensure_ascii=False),
        "{broken json",
        json.dumps({"title": STORM_TITLE, "content": STORM_BODY, "url": "https://news.example/storm"}),
    ]
    write("export.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
    write("meta.tsv", ("file\tsource\tdate\turl\tlabel\n"
                       "ar_windows1256.txt\tصحيفة الاختبار\t12/3/2023\thttps://news.example/ar/1\t1\n"
                       "en_windows1252.txt\tRhône Daily\t13/6/2023\thttps://news.example/en/2\t0\n").encode("utf-8"))
    # A zip: nested folder, macOS metadata, a hidden file, a page, a damaged entry.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("collection/ar/maarad.txt", AR_TEXT.encode("utf-8"))
        z.writestr("collection/en/lyon.txt", EN_TEXT.encode("cp1252"))
        z.writestr("collection/pages/library.html", page_library().encode("utf-8"))
        z.writestr("collection/broken.txt", (STORM_TITLE + "\n\n" + STORM_BODY + "\n") * 5)
        z.writestr("__MACOSX/collection/._lyon.txt", b"\x00\x05\x16\x07junk")
        z.writestr("collection/.DS_Store", b"\x00\x00\x00\x01Bud1")
        z.writestr("collection/notes.pdf", b"%PDF-1.4\n")
    data = bytearray(buf.getvalue())
    # Damage the deflated data of collection/broken.txt: its CRC check fails.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("collection/broken.txt")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(8, 16):
        data[start + k] ^= 0x5A
    write("upload.zip", bytes(data))
    # A .docx: the least Word needs, title paragraph styled "Title".
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{STORM_TITLE}</w:t></w:r></w:p>'
           f'<w:p><w:r><w:t xml:space="preserve">{STORM_BODY[:60]}</w:t></w:r><w:r><w:t>{STORM_BODY[60:]}</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>Schools will reopen on Thursday &amp; buses will run.</w:t></w:r></w:p>'
           '</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)
        z.writestr("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Ignored when a Title paragraph exists</dc:title></cp:coreProperties>')
    write("storm.docx", buf.getvalue())
    # Pages.
    write("page_en.html", page_en().encode("utf-8"))
    write("page_ar_1256.html", page_ar().encode("cp1256"))
    write("page_ar_table.html", page_ar_table().encode("utf-8"))
    write("saved.mhtml", mhtml(page_en()).encode("ascii"))
    write("page_ar_modern.html", page_ar_modern().encode("utf-8"))
    write("page_ar_inline_links.html", page_ar_inline_links().encode("utf-8"))


def page_en():
    body = "".join(f"<p>{p}</p>\n" for p in [
        "A storm swept along the coast overnight, cutting power to thousands of homes and closing the harbour road, officials said on Wednesday.",
        "Crews worked through the night, and the power company said it expected to restore electricity to most homes by the evening, though some villages may wait until Friday.",
        "“The wind took down lines in places our trucks cannot reach until the water goes down,” a spokeswoman said, adding that generators had been sent to the hospital and two care homes.",
        "Schools along the coast will stay closed on Thursday, and the ferry to the islands has been cancelled until further notice.",
    ])
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Storm cuts power to coastal towns | The Coast Herald</title>
<meta property="og:title" content="{STORM_TITLE}">
<meta property="og:site_name" content="The Coast Herald">
<link rel="canonical" href="https://news.example/2023/06/14/storm-power">
<script>window.dataLayer = [{{"page": "article"}}]; document.write("<p>never run</p>");</script>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{STORM_TITLE}", "datePublished": "2023-06-14T07:30:00+01:00", "author": {{"@type": "Person", "name": "Ruth Mallory"}}}}</script>
<style>.ad {{ display: block }}</style>
</head><body>
<header class="site-header"><a href="/">The Coast Herald</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="ad ad-leaderboard">Advertisement <a href="https://ads.example/x">Buy a boat today, the best boats at the best prices on the coast</a></div>
<main><article class="story">
<h1>{STORM_TITLE}</h1>
<div class="byline">By <a rel="author" href="/staff/ruth">Ruth Mallory</a>, <time datetime="2023-06-14T07:30:00+01:00">14 June 2023</time></div>
<figure><img src="storm.jpg" alt=""><figcaption>Waves break over the harbour wall at high tide on Tuesday evening, as the storm reached the coast.</figcaption></figure>
<div class="story-body">
{body}</div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Harbour wall repairs to start in spring, council says</a> <time datetime="2021-03-02">2 March 2021</time></li>
<li><a href="/b">Ferry timetable changes for the summer season announced</a></li></ul></aside>
</article></main>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p>I live by the harbour and we had no power for fourteen hours, with no word from anyone at the company about when it would come back.</p></div>
<div class="comment"><p>The road floods every winter and the council never does anything about it, this has been going on for years now.</p></div></section>
<footer class="site-footer"><p>© 2023 The Coast Herald. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def page_library():
    """A plain page of another story, for the zip."""
    return """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Town library reopens after two years of repairs - Valley Voice</title></head><body>
<div class="menu"><a href="/">Home</a> <a href="/town">Town</a> <a href="/arts">Arts</a></div>
<div class="content"><h1>Town library reopens after two years of repairs</h1>
<p>The town library reopened on Saturday after two years of repairs to its roof and heating, with a queue of readers waiting at the door before nine.</p>
<p>The librarian said more than three hundred people had renewed their cards in the first hour, and that the children's room had been doubled in size.</p>
<p>The repairs cost less than planned, the council said, because volunteers moved the books to a school hall and back.</p>
</div><div class="footer">Valley Voice · <a href="/contact">Contact</a></div></body></html>
"""


def page_ar():
    paras = "".join(f"<p>{p}</p>\n" for p in AR_BODY)
    return f"""<html dir="rtl" lang="ar"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>{AR_TITLE} - صحيفة الاختبار</title>
<meta property="article:published_time" content="2023-03-12T09:15:00+02:00">
<meta name="author" content="سلمى الخطيب">
</head><body>
<div id="top-menu"><a href="/">الرئيسية</a> | <a href="/local">محليات</a> | <a href="/culture">ثقافة</a> | <a href="/sport">رياضة</a></div>
<div class="main-col">
<h1 class="title">{AR_TITLE}</h1>
<div class="article-info"><span class="date">الأحد 12 مارس 2023</span> <span class="writer">سلمى الخطيب</span></div>
<div class="article-text">
{paras}</div>
<div class="read-also"><b>اقرأ أيضاً</b><ul><li><a href="/1">إطلاق جائزة جديدة للرواية العربية</a></li><li><a href="/2">مكتبات المدارس تستقبل آلاف الكتب</a></li></ul></div>
<div class="comments-box"><h3>التعليقات</h3><p>معرض رائع وننتظره كل عام بفارغ الصبر، لكن أسعار الكتب مرتفعة جداً هذا العام مقارنة بالعام الماضي.</p></div>
</div>
<div class="sidebar"><h3>الأكثر قراءة</h3><ol><li><a href="/3">ارتفاع أسعار الذهب في السوق المحلية</a></li><li><a href="/4">توقعات بأمطار غزيرة نهاية الأسبوع</a></li></ol></div>
<div class="footer">جميع الحقوق محفوظة © 2023</div>
</body></html>
"""


def page_ar_table():
    """An older page: a table layout, paragraphs split by <br>, and a template that says
    lang="en" around Arabic text."""
    lines = "<br><br>\n".join(AR_BODY)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="UTF-8"/>
<title>{AR_TITLE}</title></head>
<body><table width="100%"><tr><td class="menu" width="20%">
<a href="/">الرئيسية</a><br/><a href="/a">أخبار محلية</a><br/><a href="/b">اقتصاد</a><br/><a href="/c">رياضة</a>
</td><td width="60%">
<font size="5"><b>{AR_TITLE}</b></font><br/>
<font size="2">نشر بتاريخ: 12/03/2023</font><br/><br/>
{lines}
</td><td width="20%"><div class="box"><b>آخر الأخبار</b><br/><a href="/d">افتتاح جسر جديد فوق النهر</a><br/><a href="/e">انطلاق بطولة الشطرنج المدرسية</a></div></td></tr></table>
<center>جميع الحقوق محفوظة</center></body></html>
"""


BRIDGE_TITLE = "افتتاح جسر جديد يربط ضفتي النهر بعد ثلاث سنوات من العمل"
BRIDGE = [
    "افتتح رئيس البلدية صباح اليوم الاثنين الجسر الجديد الذي يربط ضفتي النهر، بعد ثلاث سنوات من أعمال البناء التي تأخرت بسبب الفيضانات.",
    "ويبلغ طول الجسر نحو ستمئة متر، ويضم أربعة مسارات للسيارات وممرين للمشاة والدراجات، بحسب ما أعلنته البلدية في بيان رسمي.",
    "وقال رئيس البلدية في كلمة خلال حفل الافتتاح إن الجسر سيختصر زمن التنقل بين الحيين الشرقي والغربي من ساعة كاملة إلى عشر دقائق.",
    "وأضاف أن كلفة المشروع بلغت مئة وعشرين مليون دينار، مؤكداً أن الأعمال أنجزت بأيد محلية وبمواد من مصانع البلاد.",
    "ومن المنتظر أن تبدأ حافلات النقل العام استخدام الجسر مطلع الشهر المقبل، بعد استكمال تركيب الإشارات الضوئية على المداخل.",
]


def page_ar_modern():
    """A page shaped like today's Arabic news sites: JSON-LD, a header with a standfirst,
    a captioned figure, a "read also" box inside the text, tags, a list of more articles."""
    p = [f"<p>{x}</p>" for x in BRIDGE]
    more = "".join(
        f'<article class="gc"><h3><a href="/n/{i}">{t}</a></h3><p>{e}</p></article>'
        for i, (t, e) in enumerate([
            ("ارتفاع منسوب النهر بعد أمطار غزيرة", "سجلت محطات القياس ارتفاعاً في منسوب النهر خلال الأيام الثلاثة الماضية بعد هطول أمطار غزيرة على المرتفعات..."),
            ("خطة لتوسيع شبكة الحافلات في المدينة", "أعلنت هيئة النقل العام خطة لتوسيع شبكة الحافلات لتشمل الأحياء الجديدة في الضاحية الجنوبية خلال العام الجاري..."),
            ("ترميم السوق القديم يدخل مرحلته الأخيرة", "دخلت أعمال ترميم السوق القديم مرحلتها الأخيرة مع تركيب الأسقف الخشبية وإعادة تبليط الممرات الحجرية..."),
        ]))
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{BRIDGE_TITLE} | موقع المدينة</title>
<meta property="og:site_name" content="موقع المدينة">
<meta property="og:title" content="{BRIDGE_TITLE}">
<link rel="canonical" href="https://city.example/news/2024/1/15/bridge">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{BRIDGE_TITLE}","datePublished":"2024-01-15T10:20:00+03:00","author":{{"@type":"Person","name":"كريم الحسن"}},"publisher":{{"@type":"Organization","name":"موقع المدينة"}}}}</script>
</head><body>
<div class="site-header"><nav class="menu"><a href="/">الرئيسية</a><a href="/news">أخبار</a><a href="/economy">اقتصاد</a><a href="/sport">رياضة</a><a href="/opinion">رأي</a></nav></div>
<main id="main-content-area">
<header class="article-header"><div class="topics"><a href="/t/city">المدينة</a></div><h1>{BRIDGE_TITLE}</h1></header>
<div class="article-info-block"><span class="article-author">كريم الحسن</span> <span class="date-simple">15/1/2024</span></div>
<figure class="article-featured-image"><img src="bridge.jpg" alt=""><figcaption>الجسر الجديد كما بدا صباح يوم الافتتاح من الضفة الشرقية للنهر (صورة أرشيفية)</figcaption></figure>
<div class="wysiwyg wysiwyg--all-content">
{p[0]}
{p[1]}
<div class="more-on"><h2>اقرأ أيضا</h2><ul><li><a href="/n/8">البلدية تعلن موعد افتتاح الجسر الجديد</a></li><li><a href="/n/9">فيضانات الربيع تؤخر أعمال البناء على النهر</a></li></ul></div>
{p[2]}
<h2>كلفة المشروع</h2>
{p[3]}
{p[4]}
</div>
<div class="article-tags"><a href="/t/1">جسور</a> <a href="/t/2">النقل</a> <a href="/t/3">البلدية</a></div>
<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
</main>
<section class="more-articles"><h2>المزيد من أخبار المدينة</h2>{more}</section>
<footer class="site-footer"><p>جميع الحقوق محفوظة © 2024 موقع المدينة</p><a href="/about">من نحن</a> <a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>
"""


def page_ar_inline_links():
    """Paragraphs in one container with "read also" links between them, the date in the
    text, tags and a comment box after it, and no metadata at all."""
    p = BRIDGE
    return f"""<html><head><meta charset="utf-8"><title>{BRIDGE_TITLE}</title></head><body>
<div id="header"><a href="/">الرئيسية</a> - <a href="/a">محافظات</a> - <a href="/b">حوادث</a> - <a href="/c">فن</a></div>
<div id="content"><div class="right">
<div class="newsTitle"><h1>{BRIDGE_TITLE}</h1></div>
<div class="newsDate">الاثنين، 15 يناير 2024 10:20 ص</div>
<div id="newsStory">
<p>{p[0]}</p>
<p><strong>اقرأ أيضا:</strong> <a href="/x/1">البلدية تعلن موعد افتتاح الجسر الجديد على النهر</a></p>
<p>{p[1]}</p>
<p>{p[2]}</p>
<p><strong>اقرأ أيضا:</strong> <a href="/x/2">فيضانات الربيع تؤخر أعمال البناء</a></p>
<p>{p[3]}</p>
<p>{p[4]}</p>
</div>
<div class="tags">الكلمات المفتاحية: <a href="/k/1">الجسر</a> <a href="/k/2">النهر</a></div>
<div class="commentsArea"><h3>أضف تعليق</h3><form><input name="n"><textarea></textarea><button>إرسال</button></form></div>
</div>
<div class="left"><div class="mostRead"><h3>الأكثر قراءة</h3>
<a href="/m/1">أسعار الخضراوات في سوق الجملة اليوم</a><br><a href="/m/2">حالة الطقس غداً: أمطار على السواحل</a><br><a href="/m/3">نتيجة مباراة الأمس في الدوري الممتاز</a></div></div>
</div><div id="footer">جميع الحقوق محفوظة</div></body></html>
"""


def mhtml(page):
    import quopri
    qp = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    b = "----MultipartBoundary--Qarin0123456789----"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/2023/06/14/storm-power\r\n"
            f"Subject: {STORM_TITLE}\r\nDate: Wed, 14 Jun 2023 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{b}\"\r\n\r\n\r\n"
            f"--{b}\r\nContent-Type: text/html\r\nContent-ID: <frame-0@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/2023/06/14/storm-power\r\n\r\n"
            f"{qp.replace(chr(10), chr(13) + chr(10))}\r\n"
            f"--{b}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            f"Content-Location: https://news.example/style.css\r\n\r\nbody {{ margin: 0 }}\r\n--{b}--\r\n")


if __name__ == "__main__":
    main()
