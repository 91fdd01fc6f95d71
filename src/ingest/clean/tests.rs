//! The cleaning rules, one example each.

use super::*;
use RemovedKind::*;

fn run(text: &str) -> Cleaned {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from);
    let title = lines.next().unwrap_or_default();
    clean(&title, lines.collect())
}

fn kinds(c: &Cleaned) -> Vec<RemovedKind> {
    c.removed.iter().map(|r| r.kind).collect()
}

const P1: &str = "The council met on Tuesday to discuss the water shortage that has hit the northern villages since the spring, officials said.";
const P2: &str = "Residents said they had waited for weeks for tankers that never came, and that prices for bottled water had doubled.";

#[test]
fn title_suffixes_of_sites_go() {
    let c = run(&format!(
        "Water shortage hits northern villages | The Valley Courier\n{P1}"
    ));
    assert_eq!(c.title, "Water shortage hits northern villages");
    assert_eq!(
        c.removed[0],
        Removed {
            kind: TitleSuffix,
            text: "The Valley Courier".into()
        }
    );
    let c = run(&format!(
        "أزمة مياه تضرب القرى الشمالية في المحافظة - Valley Voice!\n{P1}"
    ));
    assert_eq!(c.title, "أزمة مياه تضرب القرى الشمالية في المحافظة");
    let c = run(&format!(
        "Water shortage hits northern villages - Region - World - Valley Online\n{P1}"
    ));
    assert_eq!(c.title, "Water shortage hits northern villages");
    assert_eq!(c.removed[0].text, "Region - World - Valley Online");
    let c = run(&format!(
        "Water shortage hits northern villages :: valleynews.example\n{P1}"
    ));
    assert_eq!(c.title, "Water shortage hits northern villages");
}

#[test]
fn real_headlines_with_dashes_stay() {
    for t in [
        "Syria - rebels retreat from Aleppo",
        "Turkey says it will not allow a new state on its border - Erdogan",
        "Talks between the two sides resume in Geneva – minister",
        "اشتباكات على الحدود التركية - السورية",
        "ارتفاع أسعار الوقود في المدن الكبرى - فيديو",
        "Iran's Rouhani, Russia's Putin Discuss Latest Developments in Syria",
    ] {
        let c = run(&format!("{t}\n{P1}"));
        assert_eq!(c.title, t);
        assert!(c.removed.is_empty(), "{t}: {:?}", c.removed);
    }
}

#[test]
fn repeated_title_line_goes() {
    let c = run(&format!(
        "Water shortage hits northern villages\nWater  shortage hits northern villages\n{P1}"
    ));
    assert_eq!(kinds(&c), [RepeatedTitle]);
    assert_eq!(c.paragraphs, [P1]);
    // Repeated without the site name, and repeated with a date.
    let c = run(&format!("Water shortage hits northern villages - Valley News!\nWater shortage hits northern villages\n{P1}"));
    assert_eq!(kinds(&c), [TitleSuffix, RepeatedTitle]);
    let c = run(&format!(
        "Water shortage hits villages\nWater shortage hits villages 12 May 2019\n{P1}"
    ));
    assert_eq!(kinds(&c), [RepeatedTitle]);
}

#[test]
fn outlet_lines_name_the_outlet() {
    let c = run(&format!("أزمة مياه في القرى\nصوت الوادي - (خاص)\n{P1}"));
    assert_eq!(c.outlet.as_deref(), Some("صوت الوادي"));
    assert_eq!(kinds(&c), [OutletLine]);
    let c = run(&format!("Water shortage\nValley News - Staff\n{P1}"));
    assert_eq!(c.outlet.as_deref(), Some("Valley News"));
    // A byline: removed, but which part is the outlet cannot be told.
    let c = run(&format!("أزمة مياه\nسالم أحمد – صوت الوادي\n{P1}"));
    assert_eq!((kinds(&c), c.outlet), (vec![OutletLine], None));
    // A short quote line is no outlet line.
    let c = run(&format!(
        "Water shortage\n{P1}\n\"We are thirsty - help us.\"\n{P2}"
    ));
    assert!(c.removed.is_empty());
}

#[test]
fn datelines_are_read_and_stripped() {
    let c = run(&format!("Water\nVALLETTA (Island Wire) – {P1}\n{P2}"));
    assert_eq!(
        (c.dateline.as_deref(), c.agency.as_deref()),
        (Some("VALLETTA"), Some("Island Wire"))
    );
    assert_eq!(
        c.removed[0],
        Removed {
            kind: Dateline,
            text: "VALLETTA (Island Wire) –".into()
        }
    );
    assert!(c.paragraphs[0].starts_with("The council"));
    let c = run(&format!("مياه\nحمص - وكالة الوادي: {P1}"));
    assert_eq!(c.dateline.as_deref(), Some("حمص"));
    assert_eq!(c.agency.as_deref(), Some("وكالة الوادي"));
    let c = run(&format!(
        "أزمة\nجدة 3 محرم 1440 هـ الموافق 13 سبتمبر 2018 م واس\n{P1}"
    ));
    assert_eq!(
        (c.dateline.as_deref(), c.agency.as_deref()),
        (Some("جدة"), Some("واس"))
    );
}

#[test]
fn fakes_style_openings() {
    let t = "Water shortage hits northern villages";
    let c = run(&format!("{t}\nMon 06 May 2019 {t}. {P1}"));
    assert_eq!(kinds(&c), [Timestamp, RepeatedTitle]);
    assert_eq!(c.paragraphs[0], P1);
    let c = run(&format!("{t}\n{t} AFP Monday 6 May 2019 {P1}"));
    assert_eq!(kinds(&c), [RepeatedTitle, Dateline]);
    assert_eq!(c.agency.as_deref(), Some("AFP"));
    // A headline the page cut short, finished in the body.
    let c = run(&format!("Water shortage hits northern villages of the \nWater shortage hits northern villages of the valley. {P1}"));
    assert_eq!(c.paragraphs[0], P1);
    // A short headline is not stripped from a body that happens to start with it.
    let c = run("Water\nWater is scarce in the north this year, officials said.");
    assert!(c.removed.is_empty());
}

#[test]
fn related_lists_go_to_the_end() {
    let c = run(&format!(
        "Water\n{P1}\n{P2}\nمقالات ذات صلة\nAnother story about wells\nA teaser that is cut short ...\n2020-01-02 10:11:12"
    ));
    assert_eq!(
        kinds(&c),
        [RelatedLinks, RelatedLinks, RelatedLinks, RelatedLinks]
    );
    assert_eq!(c.paragraphs, [P1, P2]);
    // Folded Arabic: hamza, tanwin and tatweel do not matter.
    let c = run(&format!("Water\n{P1}\nإقـرأ أيضاً:\nقصة أخرى عن الآبار"));
    assert_eq!(kinds(&c), [RelatedLinks, RelatedLinks]);
    // Headings with nothing under them are navigation.
    let c = run(&format!(
        "Water\n{P1}\nMost Visited in Economy\nTop Economy stories\nTop Stories"
    ));
    assert_eq!(kinds(&c), [Navigation, Navigation, Navigation]);
}

#[test]
fn a_related_heading_before_real_paragraphs_takes_only_its_link() {
    let long = format!("{P1} {P2}");
    let c = run(&format!(
        "Water\n{P1}\nRead also\nWells run dry in the south\n{long}"
    ));
    assert_eq!(kinds(&c), [RelatedLinks, RelatedLinks]);
    assert_eq!(c.paragraphs, [P1, long.as_str()]);
}

#[test]
fn teasers_without_heading() {
    let c = run(&format!(
        "Water\n{P1}\nWells run dry in the south\nThe wells of the southern plain have run dry after ...\n2021-03-04 11:12:13\nFarmers protest prices\nFarmers gathered in the square on ...\n2021-03-05 09:00:00"
    ));
    assert_eq!(c.paragraphs, [P1]);
    assert_eq!(c.removed.len(), 6);
    // A real last paragraph stays.
    let c = run(&format!(
        "Water\n{P1}\n{P2}\nThe ministry said it would act."
    ));
    assert!(c.removed.is_empty());
}

#[test]
fn comment_forms_go() {
    let c = run(&format!(
        "Water\n{P1}\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nPost Comment"
    ));
    assert_eq!(kinds(&c), [CommentForm, CommentForm, CommentForm]);
    let c = run(&format!("مياه\n{P1}\nأضف تعليقاً\nالاسم"));
    assert_eq!(kinds(&c), [CommentForm, CommentForm]);
    // "Comments" opening a sentence is body text.
    let c = run(&format!(
        "Water\n{P1}\nComments made by the minister angered the villagers, who marched on Friday."
    ));
    assert!(c.removed.is_empty());
}

#[test]
fn navigation_and_stamps() {
    let c = run(&format!(
        "Water\n{P1}\nAdvertisement\n{P2}\nShare this:\nTags: water, villages\n2019-05-06"
    ));
    assert_eq!(kinds(&c), [Navigation, Navigation, Navigation, Timestamp]);
    assert_eq!(c.paragraphs, [P1, P2]);
    let c = run(&format!("Water\n{P1} Read Also"));
    assert_eq!(c.paragraphs, [P1]);
    assert_eq!(kinds(&c), [RelatedLinks]);
    let c = run(&format!("أزمة\nشارك من خلال تويتر فيسبوك {P1}\n{P2}"));
    assert_eq!(kinds(&c), [Navigation]);
    assert_eq!(c.paragraphs[0], P1);
}

#[test]
fn share_bars_but_not_sentences_about_sharing() {
    let c = run(&format!("Water\nNext Previous {P1}"));
    assert_eq!(kinds(&c), [Navigation]);
    let c = run(&format!(
        "مياه\nعبر تويتر، أعلن الوزير أن المياه ستعود إلى القرى خلال أيام\n{P2}"
    ));
    assert!(c.removed.is_empty(), "{:?}", c.removed);
}

#[test]
fn credits_and_headlines_after_stamps() {
    // A paper's "reporter - paper - city:" credit: the city is the place.
    let c = run(&format!("أزمة\nسالم أحمد - صحيفة الوادي - حمص: {P1}"));
    assert_eq!(c.dateline.as_deref(), Some("حمص"));
    // The headline after a byline stamp.
    let t = "Water shortage hits northern villages";
    let c = run(&format!(
        "{t}\nPosted on May 6 2019 by Staff Writer {t}. {P1}"
    ));
    assert_eq!(kinds(&c), [Timestamp, RepeatedTitle]);
    assert_eq!(c.paragraphs[0], P1);
    // A lede that begins with the headline's words keeps them.
    let c = run(&format!(
        "{t}\n{t} for the third year running, officials said on Monday."
    ));
    assert!(c.removed.is_empty(), "{:?}", c.removed);
    // A site name glued to the headline's last word.
    let c = run(&format!("{t}- Valley TV Website\n{P1}"));
    assert_eq!(c.title, t);
}

#[test]
fn footers_and_contacts_run_into_the_text() {
    let c = run(&format!(
        "Water\n{P1} {P2} Follow us on Twitter. Privacy Policy Terms of Use"
    ));
    assert_eq!(kinds(&c), [Navigation]);
    assert_eq!(c.paragraphs[0], format!("{P1} {P2}"));
    let c = run(&format!("Water\n{P1}\nwriter@example.org"));
    assert_eq!(kinds(&c), [Navigation]);
    let c = run(&format!(
        "Water\n{P1} 12 Tags water villages drought Comment via Facebook"
    ));
    assert_eq!(kinds(&c), [Navigation]);
    // "tags" inside a last sentence is a word, not a label.
    let c = run(&format!(
        "Water\n{P1} Officials said the tags were found on the wells"
    ));
    assert!(c.removed.is_empty(), "{:?}", c.removed);
}

#[test]
fn short_quotes_and_real_endings_stay() {
    let text = format!("Water\n{P1}\n\"We will not leave.\"\n{P2}\nThe wells, he said, are empty");
    let c = run(&text);
    assert!(c.removed.is_empty(), "{:?}", c.removed);
    assert_eq!(c.paragraphs.len(), 4);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "a",
        "a\n-",
        "x\n - \n|\n...",
        "عنوان\n(",
        "T\n( ) -",
        "Title\nMay",
        "é - ß | ü\n—",
    ] {
        let _ = run(t);
    }
}
