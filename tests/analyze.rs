//! Analysis: sentences, direct and reported statements with resolved speakers, key sentences.

use crate::common;

use briefdesk::{analyze, dump, ingest, Analysis, StatementKind};

fn speaker_of<'a>(an: &'a Analysis, quote_start: &str) -> Option<(&'a str, Option<&'a str>)> {
    an.statements
        .iter()
        .find(|s| s.text.contains(quote_start))
        .map(|s| {
            let sp = s.speaker.as_ref();
            (
                sp.map_or("?", |s| s.name.as_str()),
                sp.and_then(|s| s.role.as_deref()),
            )
        })
}

/// Asserts the speaker's name and role of the statement holding each quote's words.
fn assert_speakers(an: &Analysis, expect: &[(&str, &str, Option<&str>)]) {
    for &(quote, name, role) in expect {
        let found = speaker_of(an, quote);
        assert_eq!(found.map(|f| f.0), Some(name), "{quote}");
        assert_eq!(found.and_then(|f| f.1), role, "{quote}");
    }
}

#[test]
fn rubio_sample_every_quote_is_rubio_secretary_of_state() {
    let Some(shared) = common::shared() else {
        eprintln!("../shared is absent: the shared-sample check cannot run here");
        return;
    };
    let (a, an) = common::load(&shared.join("samples/rubio-pakistan.txt"));
    assert_eq!(a.dateline.as_deref(), Some("ISLAMABAD"));
    let quotes: Vec<_> = an
        .statements
        .iter()
        .filter(|s| s.kind == StatementKind::DirectQuote)
        .collect();
    // The eleven quotations of the article, "he said" ones and uncued ones included (a quote
    // that continues the one before its cue, `“A,” he said. “B.”`, is part of that statement).
    let expected = [
        "We know they’re concerned",
        "But, I think they have to understand",
        "We see an opportunity to expand",
        "Our job is to try",
        "They [India] have some relationships",
        "Even before that conflict",
        "We’d like to expand it",
        "But I think it’s a very encouraging",
        "We have to have relations",
        "That’s our job",
        "Every night brings a new challenge",
    ];
    for e in expected {
        assert!(
            quotes.iter().any(|q| q.text.contains(e)),
            "quote “{e}…” not found in {:#?}",
            quotes.iter().map(|q| &q.text).collect::<Vec<_>>()
        );
    }
    for q in &quotes {
        let sp = q.speaker.as_ref().expect("every quote has a speaker");
        assert_eq!(sp.name, "Marco Rubio", "{}", q.text);
        assert_eq!(sp.role.as_deref(), Some("Secretary of State"), "{}", q.text);
    }
    // The text says "Rubio said Saturday", but the sample gives no publication date to
    // resolve it against: no statement is dated.
    assert_eq!(a.published, None);
    assert!(an.statements.iter().all(|s| s.date.is_none()));
    // Fragments inside paraphrase are not quotes of their own.
    assert!(!quotes.iter().any(|q| q.text == "pragmatically"));
    // Reported speech is kept apart and attributed too.
    assert!(an
        .statements
        .iter()
        .any(|s| s.kind == StatementKind::Reported
            && s.text.contains("rebuild ties with Islamabad")
            && s.speaker
                .as_ref()
                .is_some_and(|sp| sp.name == "Marco Rubio")));
}

#[test]
fn port_dispute_speakers_roles_and_patterns() {
    let (a, an) = common::load(&common::fixtures().join("analyze/port-dispute.txt"));
    assert_eq!(a.dateline.as_deref(), Some("RIGA"));
    let check = |start: &str, name: &str| {
        let got = speaker_of(&an, start).unwrap_or_else(|| panic!("no statement “{start}…”"));
        assert_eq!(got.0, name, "speaker of “{start}…”");
    };
    // “…,” Name said. / second quote with no cue in the same paragraph.
    check("We signed a treaty", "Kārlis Ozoliņš");
    check("If the fees rise on Jan. 5", "Kārlis Ozoliņš");
    // "She said …" right after the minister is introduced (reported).
    check("The fees reflected the cost", "Helena Tamm");
    // "the minister" → the most recent minister.
    check("Nobody in Tallinn", "Helena Tamm");
    // according to X.
    check("The terminal handled 2.4 million", "Helena Tamm");
    // Straight quotes, "said Name, role,".
    check("The numbers speak for themselves", "Andris Kalniņš");
    check("Latvian lorries pay twice", "Andris Kalniņš");
    // X warned that …
    check("Hauliers could divert traffic", "Andris Kalniņš");
    // "A spokeswoman, Name, said …"
    check("The bloc expected both governments", "Maria Lindqvist");
    // An organisation named as the speaker.
    check(
        "It was following the dispute closely",
        "European Commission",
    );
    // X told Latvian radio that …
    check("He would meet Tamm in Brussels", "Kārlis Ozoliņš");

    // `“A,” he said at …. “B.”`: B continues A's remark, one statement.
    let treaty = an
        .statements
        .iter()
        .find(|s| s.text.starts_with("We signed a treaty"))
        .unwrap();
    assert_eq!(
        treaty.text,
        "We signed a treaty, not a suggestion. If the fees rise on Jan. 5, we will take the matter to the EU."
    );
    // “A,” she said, “B.” is one statement.
    let split = an
        .statements
        .iter()
        .find(|s| s.text.starts_with("We are ready to talk"))
        .unwrap();
    assert_eq!(split.text, "We are ready to talk, but not under threats.");
    // A quote carried into the next paragraph, closed there, with its cue after it.
    let carried = an
        .statements
        .iter()
        .find(|s| s.text.starts_with("I have always found her"))
        .unwrap();
    assert!(
        carried.text.ends_with("that hurts our hauliers"),
        "{}",
        carried.text
    );
    assert_eq!(carried.speaker.as_ref().unwrap().name, "Kārlis Ozoliņš");
    assert_eq!(
        a.slice(carried.provenance.span).matches("\n\n").count(),
        1,
        "the span runs over two paragraphs"
    );
    // Roles from the text.
    let roles: Vec<_> = an
        .statements
        .iter()
        .filter_map(|s| s.speaker.as_ref())
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert!(roles.contains(&("Helena Tamm", Some("Estonian Foreign Minister"))));
    assert!(roles.contains(&("Kārlis Ozoliņš", Some("Latvian Transport Minister"))));
    // Every statement's provenance points at its words.
    for s in &an.statements {
        let passage = a.slice(s.provenance.span);
        let first = s.text.split_whitespace().nth(1).unwrap_or("");
        assert!(
            passage.contains(first),
            "span of “{}” is “{passage}”",
            s.text
        );
    }
}

#[test]
fn statement_dates_come_from_their_sentence() {
    use briefdesk::{compose::compose, BriefSettings};
    use chrono::NaiveDate;
    let (a, an) = common::load(&common::fixtures().join("analyze/weekend-remarks.txt"));
    // Saturday 2 May 2026.
    assert_eq!(a.published, NaiveDate::from_ymd_opt(2026, 5, 2));
    let date_of = |start: &str| {
        an.statements
            .iter()
            .find(|s| s.text.contains(start))
            .unwrap_or_else(|| panic!("no statement “{start}…” in {:#?}", an.statements))
            .date
    };
    let day = |d: u32, m: u32| NaiveDate::from_ymd_opt(2026, m, d);
    // "said Saturday" on a Saturday is that day; "on Friday" the day before.
    assert_eq!(date_of("Both delegations had agreed"), day(2, 5));
    assert_eq!(date_of("We are not leaving"), day(1, 5));
    // "On Thursday, … said"; an explicit day takes the publication year.
    assert_eq!(date_of("The ceasefire lines had held"), day(30, 4));
    assert_eq!(date_of("Aid convoys would need"), day(14, 4));
    // "…, X said yesterday, adding …".
    assert_eq!(date_of("The two sides had moved closer"), day(1, 5));
    // A day inside the quotation or in the reported words does not date the speech.
    assert_eq!(date_of("We meet again on Monday"), None);
    assert_eq!(date_of("The vote on Sunday would decide"), None);

    // The brief shows when it was said, else the article's date.
    let settings = BriefSettings {
        title: None,
        subtitle: None,
        author: None,
        date: NaiveDate::from_ymd_opt(2026, 5, 3).unwrap(),
        marking: String::new(),
    };
    let brief = compose(&[(a.clone(), an.clone())], &settings).unwrap();
    let brief_date = |start: &str| {
        brief
            .speakers
            .iter()
            .flat_map(|g| &g.statements)
            .find(|s| s.text.contains(start))
            .unwrap_or_else(|| panic!("no brief statement “{start}…”"))
            .date
    };
    assert_eq!(brief_date("We are not leaving"), day(1, 5));
    assert_eq!(brief_date("We meet again on Monday"), a.published);
}

#[test]
fn golden_sentences_and_statements_of_every_fixture() {
    let mut paths: Vec<_> = std::fs::read_dir(common::fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.push(common::fixtures().join("analyze/port-dispute.txt"));
    paths.sort();
    for p in paths {
        let (_, an) = common::load(&p);
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        common::check_golden(&format!("{name}.sentences.txt"), &dump::sentences(&an));
        common::check_golden(&format!("{name}.statements.txt"), &dump::statements(&an));
    }
}

/// Text made of the pieces that trip quote and sentence rules, in random order.
fn adversarial(seed: u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        " he said",
        " she added,",
        " Mr.",
        " U.S.",
        "\n\n",
        "\n",
        " é",
        " 中文",
        " Rubio",
        ",",
        ".",
        " according to",
        " the minister",
        " Secretary of State Ana Ruiz",
        " said:",
        " told reporters",
        " that",
        " (",
        ")",
        " —",
        "ISLAMABAD:",
        " Jan. 5",
        "?",
        "!",
        " The",
        " we will",
        "  ",
        "\u{200b}",
        "’s",
        " Ms. Lee,",
        " a spokesman,",
    ];
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut s = String::from("Title line\n\n");
    for _ in 0..len {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push_str(PIECES[(x >> 33) as usize % PIECES.len()]);
    }
    s
}

#[test]
fn adversarial_text_never_panics_and_spans_stay_valid() {
    for seed in 0..400 {
        let text = adversarial(seed, 20 + (seed as usize % 200));
        let Ok(a) = ingest::ingest("fuzz.txt", text.as_bytes()) else {
            continue;
        };
        let an = analyze::analyze(&a);
        for s in &an.sentences {
            assert!(
                a.text.get(s.span.start..s.span.end).is_some(),
                "seed {seed}"
            );
        }
        for st in &an.statements {
            let sp = st.provenance.span;
            assert!(
                sp.start <= sp.end && a.text.get(sp.start..sp.end).is_some(),
                "seed {seed}"
            );
        }
    }
}

#[test]
fn issue_11_wire_tag_is_not_part_of_first_sentence() {
    let body = "They may not be friends, but the two ministers met in Lagos on Tuesday. \
                Officials said the talks would resume next week.\n\n\
                Transport Minister Ada Okafor said the port would reopen.";
    for (tag, dateline) in [
        ("(CNN)", None),
        ("(CNN) -- ", None),
        ("(Reuters) - ", None),
        ("(AP) — ", None),
        ("LONDON, England (CNN) -- ", Some("LONDON")),
    ] {
        let text = format!("{tag}{body}");
        let a = ingest::ingest("wire.txt", text.as_bytes()).unwrap();
        let an = analyze::analyze(&a);
        let first = &an.sentences[0];
        assert!(
            first.text.starts_with("They may not be"),
            "{tag}: {}",
            first.text
        );
        assert_eq!(a.slice(first.span), first.text);
        assert!(a.title.starts_with("They may not be"), "{tag}: {}", a.title);
        assert_eq!(a.dateline.as_deref(), dateline, "{tag}");
        let outlet = tag.split(['(', ')']).nth(1);
        assert_eq!(a.outlet.as_deref(), outlet, "{tag}");
        for s in &an.sentences {
            assert!(!s.text.contains('('), "{tag}: {}", s.text);
        }
    }
    // A bracket that is not a wire tag, or one inside the text, stays in the sentence.
    for text in [
        "(Updated) Talks resumed in Lagos on Tuesday. Officials met.",
        "(1) Talks resumed in Lagos on Tuesday. Officials met.",
        "Talks resumed in Lagos (Reuters) on Tuesday. Officials met.",
    ] {
        let a = ingest::ingest("plain.txt", text.as_bytes()).unwrap();
        let an = analyze::analyze(&a);
        assert!(text.starts_with(&an.sentences[0].text[..6]), "{text}");
        assert_eq!(a.outlet, None, "{text}");
    }
}

#[test]
fn issue_11_straight_quotes_become_curly() {
    use briefdesk::render::{render_pdf, PageSize, RenderOptions, Templates};
    let text = "Ada O'Brien rejects \"quick fix\" for Lagos port\n\n\
                LAGOS — Transport Minister Ada O'Brien said on Tuesday that she had \"no illusions\" \
                about the talks and that the port's crews \"don't need a 'quick fix'\" but a new \
                12\" pipe line. \"We will not sign a bad deal,\" O'Brien said.\n\n\
                The players' union said the '90s rules still applied.";
    let a = ingest::ingest("quotes.txt", text.as_bytes()).unwrap();
    let an = analyze::analyze(&a);
    let settings =
        briefdesk::BriefSettings::dated(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    let brief = briefdesk::compose::compose(&[(a, an)], &settings).unwrap();
    let opts = RenderOptions {
        template: "policy-brief".into(),
        page_size: PageSize::A4,
    };
    let pdf = render_pdf(&brief, &Templates::builtin(), &opts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = common::pdftotext(&path);
    // The title in the title block and the sources table, the statement, the key points.
    assert!(out.contains("rejects “quick fix” for"), "{out}");
    assert!(out.contains("“We will not sign a bad deal”"), "{out}");
    assert!(
        out.contains("crews “don't need a ‘quick fix’” but"),
        "{out}"
    );
    assert!(out.contains("O'Brien"), "{out}");
    assert!(!out.contains("‘Brien"), "{out}");
    // Only the inch mark is left straight.
    let straight: Vec<&str> = out.lines().filter(|l| l.contains('"')).collect();
    assert!(straight.iter().all(|l| l.contains("12\"")), "{straight:#?}");
}

/// Found reading the speakers of real political news (PolNeAR dev): a name or a role ran
/// across a paragraph break or a sentence end ("Bill Clinton.”¶Jamal Simmons", "Nathan Deal
/// (Georgia.¶Gov.)", "Fernández Ortiz’s campaign manager. Aguirre’s spokesman"), took the verb
/// ("said Rep.") or a state party tag ("R-Ky.") for the person, a headline's "For" or a courtesy
/// title for a first name ("Mr Ebbers"), and an owner's possessive as part of the name ("ABN
/// Amro's Eddie Wong").
#[test]
fn speakers_names_and_roles_stay_within_their_sentence() {
    let text = "Why Iowa Could Break The Race Open For Bernie Sanders.\n\n\
        \"Iowa happened. I never begrudged it.\nBill Clinton.\"\n\n\
        Jamal Simmons is a Democratic consultant. “It is challenging our assumptions,” \
        Simmons said.\n\n\
        They are among the first 75 refugees to come to Georgia.\n\n\
        Gov. Nathan Deal has vowed to block other refugees from coming to the state.\n\n\
        More lawmakers have endorsed her than Sanders. But state Rep. Gilda Cobb-Hunter, a \
        member of the committee, said: “No one controls the black vote.”\n\n\
        “It is not new in Virginia,” said Rep. Bobby Scott at the time.\n\n\
        “Let me make it perfectly clear,” Senate Majority Leader Mitch McConnell, R-Ky., said.\n\n\
        “We might have something here,” said Rev. Kyev Tatum.\n\n\
        “A lot of time is needed,” said ABN Amro's Eddie Wong.\n\n\
        Mr Ebbers denied it. “I did nothing wrong,” Mr Ebbers said.\n\n\
        Even Lindsey Graham agreed: “This is over.”\n\n\
        “The vote is split,” said Paul Hofheinz of the Lisbon Council.\n\n\
        “Nobody saw it coming,” said Fox News’ Sean Hannity.\n\n\
        “He had a receipt,” said Federico Luna, Fernández Ortiz’s campaign manager. Aguirre’s \
        spokesman, Ignacio Bravo, told reporters that she lost.\n\n\
        Sanders announced that he had raised $20 million in January alone.";
    let a = ingest::ingest("speakers.txt", text.as_bytes()).unwrap();
    let an = analyze::analyze(&a);
    let expect = [
        ("It is challenging", "Jamal Simmons", None),
        ("To block other refugees", "Nathan Deal", Some("Gov.")),
        ("No one controls", "Gilda Cobb-Hunter", Some("state Rep.")),
        ("It is not new", "Bobby Scott", Some("Rep.")),
        (
            "Let me make it",
            "Mitch McConnell",
            Some("Senate Majority Leader"),
        ),
        ("We might have", "Kyev Tatum", None),
        ("A lot of time", "Eddie Wong", None),
        ("This is over", "Lindsey Graham", None),
        ("The vote is split", "Paul Hofheinz", None),
        ("Nobody saw it", "Sean Hannity", None),
        (
            "He had a receipt",
            "Federico Luna",
            Some("Fernández Ortiz’s campaign manager"),
        ),
        ("He had raised", "Bernie Sanders", None),
    ];
    assert_speakers(&an, &expect);
    for s in &an.statements {
        let sp = s.speaker.as_ref();
        let written = format!(
            "{:?} {:?}",
            sp.map(|s| &s.name),
            sp.and_then(|s| s.role.as_ref())
        );
        assert!(
            !written.contains("\\n") && !written.contains("For "),
            "{written}"
        );
        assert!(
            !written.contains("'s") && !written.contains("Mr "),
            "{written}"
        );
    }
}

/// Found reading reported speech in real news (CNN/DailyMail, BBC, PolNeAR dev): a verb that
/// also takes a thing made its object a statement ("Ebbers denied: Charges of fraud and
/// conspiracy.", "Clinton claimed: Victory in a tweet, saying …"), and a quotation led into by
/// a participle ("…, saying: “…”") had no speaker, or was lost.
#[test]
fn a_denial_of_charges_is_no_statement_and_saying_leads_to_the_subject() {
    let text = "Kentucky vote\n\n\
        Bernie Ebbers denied charges of fraud and conspiracy at the hearing.\n\n\
        Tom Kane, the union leader, confirmed he had asked for talks with the brewer.\n\n\
        Gov. Nathan Deal vowed to block other refugees from coming to the state.\n\n\
        Scott Sullivan admitted to falsifying the company's financial statements.\n\n\
        Hillary Clinton claimed victory in a tweet, saying: “We just won Kentucky! Thanks to \
        everyone who turned out.”\n\n\
        In early October, the campaign wrote to donors, saying: “We want to use this now.”";
    let a = ingest::ingest("reported.txt", text.as_bytes()).unwrap();
    let an = analyze::analyze(&a);
    let said: Vec<&str> = an.statements.iter().map(|s| s.text.as_str()).collect();
    for junk in ["Charges of fraud", "To falsifying", "Victory in a tweet"] {
        assert!(
            !said.iter().any(|s| s.starts_with(junk)),
            "{junk}: {said:?}"
        );
    }
    assert_eq!(
        speaker_of(&an, "He had asked").map(|s| s.0),
        Some("Tom Kane")
    );
    assert_eq!(
        speaker_of(&an, "To block other").map(|s| s.0),
        Some("Nathan Deal")
    );
    assert_eq!(
        speaker_of(&an, "We just won").map(|s| s.0),
        Some("Hillary Clinton")
    );
    // An opening phrase ("In early October") is not a subject.
    assert!(speaker_of(&an, "We want to use").is_none_or(|s| s.0 == "?"));
}

/// Found reading the roles of real news speakers (PolNeAR, CNN/DailyMail, BBC dev): a relative
/// clause or a whole clause was taken for a role ("who took to the talk shows …", "voters are
/// evenly divided …"), a preposition opened one ("alongside Vice President"), a dateline in
/// capitals was a person ("DES MOINES"), an organisation known by its initials had no voice, and
/// "said master of ceremonies Asab Al-Tabchi" named nobody (so "he added" went to the governor).
#[test]
fn roles_are_job_titles_and_initials_name_organisations() {
    let text = "Pits to close\n\n\
        DES MOINES, Iowa — One scathing newspaper editorial is worth a thousand words.\n\n\
        Ivanka Trump, who is executive vice president of development at the company, \
        said: “Women should thrive.”\n\n\
        The crowd cheered alongside Vice President Joe Biden. “We will win,” Biden said.\n\n\
        Mike Morrell, a 30-year veteran of the CIA who retired as acting director in 2013, \
        said: “It is a risk.”\n\n\
        UK Coal said it would close the pit at the end of the year.\n\n\
        “Thanks for welcoming these refugees,” said master of ceremonies Asab Al-Tabchi. \
        “No thanks to the governor,” he added.\n\n\
        “He was reckless,” said one of the prosecutors for David Petraeus.\n\n\
        Eddie Griffin, who at the time was a Ft. Worth blogger, said: “It has changed.”\n\n\
        “She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”";
    let a = ingest::ingest("roles.txt", text.as_bytes()).unwrap();
    let an = analyze::analyze(&a);
    let expect = [
        (
            "Women should",
            "Ivanka Trump",
            Some("executive vice president of development at the company"),
        ),
        ("We will win", "Joe Biden", Some("Vice President")),
        (
            "It is a risk",
            "Mike Morrell",
            Some("30-year veteran of the CIA"),
        ),
        ("It would close the pit", "UK Coal", None),
        (
            "Thanks for welcoming",
            "Asab Al-Tabchi",
            Some("master of ceremonies"),
        ),
        (
            "No thanks to",
            "Asab Al-Tabchi",
            Some("master of ceremonies"),
        ),
        ("It has changed", "Eddie Griffin", None),
        // An unnamed source is named as the text describes it.
        ("She is too far behind", "An Iowa Democrat", None),
    ];
    assert_speakers(&an, &expect);
    let persons: Vec<&str> = an
        .entities
        .iter()
        .filter(|e| e.kind == briefdesk::EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert!(!persons.contains(&"DES MOINES"), "{persons:?}");
    // "Ft." (Fort) ends no sentence, though the splitter does not know it.
    assert!(an.sentences.iter().all(|s| !s.text.ends_with("Ft.")));
    let reckless = speaker_of(&an, "He was reckless").map(|s| s.0);
    assert_ne!(reckless, Some("David Petraeus"));
}
