//! The words of the audit report in English and Dutch: headings, status labels, fixed
//! sentences of the method and limitations chapters, per requirement a recommendation
//! (English fallback and Dutch) and a Dutch applicability condition, per rule that makes an
//! item insufficiently specific a Dutch reason, and the Dutch citation style (`21(2)-(4)` →
//! "artikel 21, tweede tot en met vierde lid, AVG"). Rule files carry English texts only;
//! a Dutch report takes its recommendations and reasons from here.
//!
//! Terminology follows `../shared/spec/audit-report-structure.md`: the AP's terms in Dutch
//! (verwerkingsverantwoordelijke, grondslag, bewaartermijn, toezichthoudende autoriteit),
//! the DPC's and EDPB's in English.

use crate::finding::Status;

/// The language a report is written in (independent of the statement's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportLang {
    En,
    Nl,
}

impl ReportLang {
    pub fn code(self) -> &'static str {
        match self {
            ReportLang::En => "en",
            ReportLang::Nl => "nl",
        }
    }
}

/// Fixed words and sentences of one report language.
#[derive(Debug)]
pub struct Strings {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub draft_notice: &'static str,
    // Document control.
    pub h_control: &'static str,
    pub organisation: &'static str,
    pub not_identified: &'static str,
    pub review_date: &'static str,
    pub tool: &'static str,
    pub rule_pack: &'static str,
    pub standard: &'static str,
    pub standard_text: &'static str,
    pub report_language: &'static str,
    pub report_status: &'static str,
    pub report_status_text: &'static str,
    // Chapters.
    pub h_summary: &'static str,
    pub h_documents: &'static str,
    pub h_framework: &'static str,
    pub h_findings: &'static str,
    pub h_purpose_map: &'static str,
    pub h_layers: &'static str,
    pub h_conclusion: &'static str,
    pub h_recommendations: &'static str,
    pub h_suppressed: &'static str,
    pub h_method: &'static str,
    pub h_limitations: &'static str,
    pub h_outline: &'static str,
    pub h_contents: &'static str,
    pub h_top_gaps: &'static str,
    pub h_status_counts: &'static str,
    pub h_legend: &'static str,
    pub h_rating_scale: &'static str,
    pub h_by_reference: &'static str,
    pub h_conflicts: &'static str,
    // Table columns.
    pub c_nr: &'static str,
    pub c_requirement: &'static str,
    pub c_article: &'static str,
    pub c_status: &'static str,
    pub c_evidence: &'static str,
    pub c_assessment: &'static str,
    pub c_priority: &'static str,
    pub c_count: &'static str,
    pub c_document: &'static str,
    pub c_role: &'static str,
    pub c_format: &'static str,
    pub c_language: &'static str,
    pub c_last_updated: &'static str,
    pub c_sha256: &'static str,
    pub c_size: &'static str,
    pub c_purpose: &'static str,
    pub c_basis: &'static str,
    pub c_categories: &'static str,
    pub c_retention: &'static str,
    pub c_recipients: &'static str,
    pub c_location: &'static str,
    pub c_page: &'static str,
    pub c_link_trail: &'static str,
    pub c_conflict: &'static str,
    pub c_rule: &'static str,
    pub c_reason: &'static str,
    pub c_section: &'static str,
    pub c_lines: &'static str,
    pub c_meaning: &'static str,
    // Words.
    pub role_statement: &'static str,
    pub role_help: &'static str,
    pub role_other: &'static str,
    pub no_date: &'static str,
    pub no_passage: &'static str,
    pub recommendation: &'static str,
    pub gap: &'static str,
    pub see_purpose: &'static str,
    pub none: &'static str,
    pub line: &'static str,
    pub words: &'static str,
    pub section: &'static str,
    pub sections: &'static str,
    pub preamble: &'static str,
    pub no_link_found: &'static str,
    pub priority_high: &'static str,
    pub priority_medium: &'static str,
    pub priority_low: &'static str,
    pub priority_review: &'static str,
    pub rating_label: &'static str,
    pub rating_good: &'static str,
    pub rating_reasonable: &'static str,
    pub rating_limited: &'static str,
    pub rating_poor: &'static str,
    pub rating_scale: [&'static str; 4],
    pub priority_scale: &'static str,
    pub chart_title: &'static str,
    pub not_a_statement: &'static str,
    // Fixed paragraphs.
    pub findings_intro: &'static str,
    pub purpose_map_intro_table: &'static str,
    pub purpose_map_intro_sentences: &'static str,
    pub purpose_map_empty: &'static str,
    pub purpose_map_caveat: &'static str,
    pub purpose_map_truncated: &'static str,
    pub layers_intro: &'static str,
    pub layers_none: &'static str,
    pub conflicts_heuristic: &'static str,
    pub conflicts_none: &'static str,
    pub suppressed_none: &'static str,
    pub method: &'static [&'static str],
    pub limitations: &'static [&'static str],
    pub accuracy: &'static str,
    pub conclusion_met: &'static str,
    pub recommendations_none: &'static str,
    pub outline_intro: &'static str,
    pub summary_scope: &'static str,
    pub summary_disclaimer: &'static str,
    // Chapter 4 subsections, finding blocks (4.2) and form and presentation (4.3).
    pub h_overview: &'static str,
    pub h_per_requirement: &'static str,
    pub h_form: &'static str,
    pub per_requirement_intro: &'static str,
    pub b_required: &'static str,
    pub b_provided: &'static str,
    pub b_how: &'static str,
    pub b_assessment: &'static str,
    pub b_finding: &'static str,
    pub b_checks: &'static str,
    pub form_intro: &'static str,
    pub form_caveat: &'static str,
    // Annexes B, C and D and the printed page footer.
    pub h_evidence_annex: &'static str,
    pub evidence_intro: &'static str,
    pub evidence_none: &'static str,
    pub h_glossary_annex: &'static str,
    pub glossary_intro: &'static str,
    pub h_terms: &'static str,
    pub c_term_en: &'static str,
    pub c_term_nl: &'static str,
    pub c_key: &'static str,
    pub c_label_en: &'static str,
    pub c_label_nl: &'static str,
    pub h_priority_scale: &'static str,
    pub h_method_annex: &'static str,
    pub method_annex_intro: &'static str,
    pub c_item: &'static str,
    pub c_value: &'static str,
    pub d_rules: &'static str,
    pub d_catalogue: &'static str,
    pub d_lexicons: &'static str,
    pub d_links: &'static str,
    pub d_links_text: &'static str,
    pub d_human: &'static str,
    pub d_human_text: &'static str,
    pub d_inputs: &'static str,
    pub bytes: &'static str,
    pub page: &'static str,
    // Chapter 2, Annex A, the summary's good practice and the running footer.
    pub h_introduction: &'static str,
    pub h_reason: &'static str,
    pub h_objective: &'static str,
    pub h_scope: &'static str,
    pub h_readers: &'static str,
    pub intro_reason: &'static str,
    pub intro_objective: &'static str,
    pub intro_scope: &'static [&'static str],
    pub intro_readers: &'static str,
    pub h_checklist_annex: &'static str,
    pub checklist_intro: &'static str,
    pub c_required_info: &'static str,
    pub c_art13: &'static str,
    pub c_art14: &'static str,
    pub c_comment: &'static str,
    pub h_good_practice: &'static str,
    pub good_practice_none: &'static str,
    pub legend_short: &'static str,
    pub full_text_in_annex: &'static str,
    pub c_passage: &'static str,
    pub b_applies: &'static str,
}

pub fn strings(lang: ReportLang) -> &'static Strings {
    match lang {
        ReportLang::En => &EN,
        ReportLang::Nl => &NL,
    }
}

/// Short status label for tables.
pub fn status_label(lang: ReportLang, s: Status) -> &'static str {
    match (lang, s) {
        (ReportLang::En, Status::Met) => "Met",
        (ReportLang::En, Status::Vague) => "Insufficiently specific",
        (ReportLang::En, Status::ByReference) => "Provided by reference only",
        (ReportLang::En, Status::Missing) => "Not provided",
        (ReportLang::En, Status::NotApplicable) => "Not applicable",
        (ReportLang::En, Status::Undetermined) => "Could not be determined",
        (ReportLang::Nl, Status::Met) => "Voldoet",
        (ReportLang::Nl, Status::Vague) => "Onvoldoende duidelijk",
        (ReportLang::Nl, Status::ByReference) => "Alleen via verwijzing",
        (ReportLang::Nl, Status::Missing) => "Ontbreekt",
        (ReportLang::Nl, Status::NotApplicable) => "Niet van toepassing",
        (ReportLang::Nl, Status::Undetermined) => "Niet vast te stellen",
    }
}

/// The definition of a status, for the legend.
pub fn status_meaning(lang: ReportLang, s: Status) -> &'static str {
    match (lang, s) {
        (ReportLang::En, Status::Met) => {
            "The required information is provided clearly and in the statement itself."
        }
        (ReportLang::En, Status::Vague) => {
            "Information is present but too general, hedged or unlinked to be meaningful (a quality problem)."
        }
        (ReportLang::En, Status::ByReference) => {
            "The statement only points elsewhere (another document, a link) instead of giving the information (a delivery problem)."
        }
        (ReportLang::En, Status::Missing) => "The required information is absent.",
        (ReportLang::En, Status::NotApplicable) => {
            "The condition that triggers this item does not arise, as shown by the statement."
        }
        (ReportLang::En, Status::Undetermined) => {
            "The documents examined do not allow a conclusion either way; human review is needed."
        }
        (ReportLang::Nl, Status::Met) => {
            "De vereiste informatie wordt duidelijk en in de verklaring zelf verstrekt."
        }
        (ReportLang::Nl, Status::Vague) => {
            "Er is informatie, maar die is te algemeen, te voorwaardelijk of niet gekoppeld (kwaliteit)."
        }
        (ReportLang::Nl, Status::ByReference) => {
            "De verklaring verwijst alleen naar elders (ander document, link) in plaats van de informatie zelf te geven (wijze van verstrekking)."
        }
        (ReportLang::Nl, Status::Missing) => "De vereiste informatie ontbreekt.",
        (ReportLang::Nl, Status::NotApplicable) => {
            "De voorwaarde voor dit onderdeel doet zich niet voor, blijkens de verklaring."
        }
        (ReportLang::Nl, Status::Undetermined) => {
            "Op basis van de onderzochte documenten kan geen oordeel worden gegeven; handmatige beoordeling nodig."
        }
    }
}

/// An icon that tells the statuses apart without colour (also in greyscale print).
pub fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::Vague => "◐",
        Status::ByReference => "→",
        Status::Missing => "✗",
        Status::NotApplicable => "–",
        Status::Undetermined => "?",
    }
}

/// Per-requirement texts written for the report.
#[derive(Debug)]
pub struct RequirementText {
    pub id: &'static str,
    /// English recommendation when no fired rule supplies a fix.
    pub rec_en: &'static str,
    /// Dutch recommendation (always used in Dutch reports).
    pub rec_nl: &'static str,
    /// Dutch clause naming what the item is about ("of …", "welke …", "dat …"), used as
    /// "De verklaring vermeldt niet …" and "kon niet worden vastgesteld …".
    pub cond_nl: &'static str,
}

pub fn requirement_text(id: &str) -> Option<&'static RequirementText> {
    REQUIREMENTS.iter().find(|r| r.id == id)
}

const fn rt(
    id: &'static str,
    rec_en: &'static str,
    rec_nl: &'static str,
    cond_nl: &'static str,
) -> RequirementText {
    RequirementText {
        id,
        rec_en,
        rec_nl,
        cond_nl,
    }
}

pub static REQUIREMENTS: &[RequirementText] = &[
    rt(
        "controller-identity",
        "Name the controller by its full legal name and legal form (with its registered address), not only by a brand.",
        "Vermeld de volledige juridische naam en rechtsvorm van de verwerkingsverantwoordelijke (met vestigingsadres), niet alleen een merknaam.",
        "wie de verwerkingsverantwoordelijke is",
    ),
    rt(
        "controller-contact",
        "Give a postal address and a direct contact channel (e-mail address or form) for privacy questions.",
        "Vermeld een postadres en een direct contactkanaal (e-mailadres of formulier) voor vragen over privacy.",
        "hoe de verwerkingsverantwoordelijke kan worden bereikt",
    ),
    rt(
        "dpo-contact",
        "If a data protection officer is designated, give their contact details (a dedicated e-mail address suffices; a name is not required).",
        "Vermeld, als er een functionaris voor gegevensbescherming (FG) is aangewezen, diens contactgegevens (een eigen e-mailadres volstaat; een naam is niet vereist).",
        "of er een functionaris voor gegevensbescherming is aangewezen",
    ),
    rt(
        "eu-representative",
        "If the controller is established outside the EU, name its representative in the Union (Article 27 GDPR) and how to reach it.",
        "Vermeld, als de verwerkingsverantwoordelijke buiten de EU is gevestigd, de vertegenwoordiger in de Unie (artikel 27 AVG) en hoe die te bereiken is.",
        "wie de vertegenwoordiger in de Unie is",
    ),
    rt(
        "purposes",
        "Describe each purpose specifically (what is done with which data and why), without hedges such as 'may' or 'for example'.",
        "Omschrijf elk doeleinde concreet (wat er met welke gegevens gebeurt en waarom), zonder voorbehouden als 'kunnen' of 'bijvoorbeeld'.",
        "voor welke doeleinden de gegevens worden verwerkt",
    ),
    rt(
        "legal-basis",
        "State by name the legal basis under Article 6(1) GDPR on which the processing rests.",
        "Noem de grondslag uit artikel 6, eerste lid, AVG waarop de verwerking berust.",
        "op welke grondslag de verwerking berust",
    ),
    rt(
        "purpose-basis-mapping",
        "State for each purpose the legal basis relied on, for instance in a table of purposes, categories of data, legal bases and retention periods.",
        "Vermeld per doeleinde op welke grondslag de verwerking berust, bijvoorbeeld in een tabel met doeleinden, categorieën persoonsgegevens, grondslagen en bewaartermijnen.",
        "welke grondslag bij welk doeleinde hoort",
    ),
    rt(
        "legitimate-interests",
        "For each processing based on legitimate interests, state the specific interest pursued and how the balancing test can be obtained.",
        "Vermeld bij elke verwerking op grond van gerechtvaardigd belang welk concreet belang wordt nagestreefd en hoe de belangenafweging kan worden opgevraagd.",
        "welke gerechtvaardigde belangen worden nagestreefd",
    ),
    rt(
        "recipients",
        "Name the recipients, or describe their categories as specifically as possible (sector, role, location), and say which data each receives and why.",
        "Noem de ontvangers, of omschrijf de categorieën ontvangers zo specifiek mogelijk (sector, rol, vestigingsplaats), en vermeld welke gegevens zij ontvangen en waarom.",
        "aan wie de gegevens worden verstrekt",
    ),
    rt(
        "transfers",
        "State whether data is transferred outside the EEA, to which countries, and on what basis (adequacy decision or safeguards).",
        "Vermeld of gegevens buiten de EER worden doorgegeven, naar welke landen, en op welke basis (adequaatheidsbesluit of passende waarborgen).",
        "of gegevens buiten de Europese Economische Ruimte (EER) worden doorgegeven",
    ),
    rt(
        "transfer-safeguards",
        "Name the transfer mechanism relied on (adequacy decision, standard contractual clauses, binding corporate rules) and how a copy of the safeguards can be obtained.",
        "Noem het doorgiftemechanisme (adequaatheidsbesluit, modelcontractbepalingen, bindende bedrijfsvoorschriften) en vermeld hoe een kopie van de waarborgen kan worden verkregen.",
        "op welke passende waarborgen de doorgifte berust",
    ),
    rt(
        "retention",
        "Give a retention period per category of data or per purpose, or the concrete criteria that determine it; 'as long as necessary' is not enough.",
        "Vermeld per categorie persoonsgegevens of per doeleinde de bewaartermijn, of de concrete criteria waarmee die wordt bepaald; 'zo lang als nodig' volstaat niet.",
        "hoe lang de gegevens worden bewaard",
    ),
    rt(
        "right-access",
        "Tell data subjects that they have the right of access to their personal data and to a copy of it.",
        "Wijs betrokkenen op hun recht op inzage in hun persoonsgegevens en op een kopie daarvan.",
        "dat betrokkenen recht op inzage hebben",
    ),
    rt(
        "right-rectification",
        "Tell data subjects that they can have inaccurate personal data rectified and incomplete data completed.",
        "Wijs betrokkenen op hun recht om onjuiste persoonsgegevens te laten rectificeren en onvolledige gegevens te laten aanvullen.",
        "dat betrokkenen recht op rectificatie hebben",
    ),
    rt(
        "right-erasure",
        "Tell data subjects that they can ask for their personal data to be erased, and in which circumstances.",
        "Wijs betrokkenen op hun recht om hun persoonsgegevens te laten wissen, en in welke gevallen dat recht geldt.",
        "dat betrokkenen recht op gegevenswissing hebben",
    ),
    rt(
        "right-restriction",
        "Tell data subjects that they can ask for the processing of their data to be restricted.",
        "Wijs betrokkenen op hun recht op beperking van de verwerking.",
        "dat betrokkenen recht op beperking van de verwerking hebben",
    ),
    rt(
        "right-portability",
        "Tell data subjects that they can receive the data they provided in a structured, commonly used, machine-readable format and have it transmitted to another controller.",
        "Wijs betrokkenen op hun recht om de door hen verstrekte gegevens in een gestructureerde, gangbare en machineleesbare vorm te ontvangen en aan een andere verwerkingsverantwoordelijke te laten doorgeven.",
        "dat betrokkenen recht op overdraagbaarheid van gegevens hebben",
    ),
    rt(
        "right-object",
        "State the right to object to processing based on legitimate interests or a public task explicitly and separately from other information.",
        "Vermeld uitdrukkelijk en duidelijk gescheiden van andere informatie het recht van bezwaar tegen verwerking op grond van gerechtvaardigd belang of een taak van algemeen belang.",
        "dat betrokkenen bezwaar kunnen maken tegen de verwerking",
    ),
    rt(
        "right-object-marketing",
        "State that data subjects can object to direct marketing at any time, free of charge and without giving reasons.",
        "Vermeld dat betrokkenen altijd, kosteloos en zonder opgave van redenen bezwaar kunnen maken tegen direct marketing.",
        "dat betrokkenen altijd bezwaar kunnen maken tegen direct marketing",
    ),
    rt(
        "right-withdraw-consent",
        "Where processing is based on consent, state that consent can be withdrawn at any time and how, without affecting the lawfulness of earlier processing.",
        "Vermeld, waar de verwerking op toestemming berust, dat de toestemming te allen tijde kan worden ingetrokken en hoe, zonder dat dit afbreuk doet aan de rechtmatigheid van de eerdere verwerking.",
        "dat een gegeven toestemming te allen tijde kan worden ingetrokken",
    ),
    rt(
        "right-complaint",
        "Tell data subjects that they may lodge a complaint with a supervisory authority, and name the competent authority (in the Netherlands: the Autoriteit Persoonsgegevens).",
        "Wijs betrokkenen op het recht een klacht in te dienen bij een toezichthoudende autoriteit en noem de bevoegde autoriteit (in Nederland: de Autoriteit Persoonsgegevens).",
        "dat betrokkenen een klacht kunnen indienen bij een toezichthoudende autoriteit",
    ),
    rt(
        "rights-how-to-exercise",
        "Explain how data subjects can exercise their rights: a direct channel (e-mail address or form) and the time within which they will get an answer.",
        "Leg uit hoe betrokkenen hun rechten kunnen uitoefenen: een direct kanaal (e-mailadres of formulier) en de termijn waarbinnen zij antwoord krijgen.",
        "hoe betrokkenen hun rechten kunnen uitoefenen",
    ),
    rt(
        "statutory-contractual-requirement",
        "Say which data people must provide (by law, by contract or to use the service) and what happens if they do not.",
        "Vermeld welke gegevens betrokkenen moeten verstrekken (op grond van de wet, een overeenkomst of om de dienst te kunnen gebruiken) en wat de gevolgen zijn als zij dat niet doen.",
        "welke gegevens verplicht moeten worden verstrekt",
    ),
    rt(
        "automated-decision-making",
        "State whether automated decision-making, including profiling, takes place; if it does, explain the logic involved and its significance and envisaged consequences.",
        "Vermeld of er geautomatiseerde besluitvorming, waaronder profilering, plaatsvindt; zo ja, geef nuttige informatie over de onderliggende logica en over het belang en de verwachte gevolgen voor de betrokkene.",
        "of er geautomatiseerde besluitvorming of profilering plaatsvindt",
    ),
    rt(
        "data-categories",
        "List the categories of personal data processed (mandatory for data not obtained from the person).",
        "Som de categorieën persoonsgegevens op die worden verwerkt (verplicht voor gegevens die niet bij de betrokkene zelf zijn verkregen).",
        "welke categorieën persoonsgegevens worden verwerkt",
    ),
    rt(
        "data-sources",
        "Name the sources of data not provided by the person, and whether they are publicly accessible.",
        "Vermeld uit welke bronnen de gegevens afkomstig zijn die niet door de betrokkene zelf zijn verstrekt, en of het openbare bronnen zijn.",
        "uit welke bronnen de gegevens afkomstig zijn",
    ),
    rt(
        "cookies-tracking",
        "Describe the cookies and similar technologies used, their purposes, who places them and how long they last.",
        "Beschrijf welke cookies en vergelijkbare technieken worden gebruikt, met welk doel, door wie ze worden geplaatst en hoe lang ze bewaard blijven.",
        "of er cookies of vergelijkbare technieken worden gebruikt",
    ),
    rt(
        "children",
        "Say whether the service is meant for children, which age limit applies, and how parental consent is obtained where needed.",
        "Vermeld of de dienst voor kinderen bedoeld is, welke leeftijdsgrens geldt en hoe zo nodig toestemming van de ouders wordt verkregen.",
        "of de dienst door kinderen wordt gebruikt",
    ),
    rt(
        "special-categories",
        "For each special category of data processed (health, biometric, religious …), name the exception of Article 9(2) GDPR relied on, such as explicit consent.",
        "Vermeld voor elke bijzondere categorie persoonsgegevens die wordt verwerkt (gezondheid, biometrie, godsdienst …) op welke uitzondering van artikel 9 lid 2 AVG de verwerking berust, zoals uitdrukkelijke toestemming.",
        "of er bijzondere persoonsgegevens worden verwerkt",
    ),
    rt(
        "joint-controllers",
        "Say what each joint controller is responsible for, where the essence of the arrangement can be read, and that rights can be exercised with either of them.",
        "Vermeld waarvoor elke gezamenlijke verwerkingsverantwoordelijke verantwoordelijk is, waar de wezenlijke inhoud van de regeling te lezen is en dat rechten bij elk van hen kunnen worden uitgeoefend.",
        "of er gezamenlijke verwerkingsverantwoordelijken zijn",
    ),
    rt(
        "changes-notice",
        "Explain how people are told about changes to the statement (actively, for significant changes), and drop clauses that treat continued use as acceptance.",
        "Leg uit hoe betrokkenen over wijzigingen van de verklaring worden geïnformeerd (bij belangrijke wijzigingen actief), en schrap bepalingen die voortgezet gebruik als aanvaarding aanmerken.",
        "hoe wijzigingen worden aangekondigd",
    ),
    rt(
        "last-updated",
        "Show the date of the last revision at the top or bottom of the statement.",
        "Vermeld bovenaan of onderaan de verklaring de datum van de laatste wijziging.",
        "wanneer de verklaring voor het laatst is gewijzigd",
    ),
];

/// Per rule that makes an item insufficiently specific (kind `vague`, `forbids`, or a
/// `requires` rule whose status is `vague`), the Dutch reason: what that rule found, and
/// nothing more. A Dutch report names the reasons of the rules that fired, as an English
/// one names their summaries, so that it never says more is missing than was checked (a
/// cookie notice without lifetimes does not also lack who sets the cookies).
pub static VAGUE_REASONS_NL: &[(&str, &str)] = &[
    (
        "access-only-self-service",
        "De verklaring zegt alleen dat betrokkenen een deel van hun gegevens in de app of hun account kunnen zien, of noemt alleen een portaal voor inzageverzoeken, niet dat zij recht op inzage hebben.",
    ),
    (
        "adequacy-left-open",
        "Of de Europese Commissie het land van bestemming passend heeft verklaard, blijft open: de verklaring biedt een keuze van mechanismen ('een adequaatheidsbesluit en/of standaardcontractbepalingen').",
    ),
    (
        "authority-without-complaint-right",
        "Er wordt een toezichthoudende autoriteit genoemd, maar niet dat betrokkenen daar een klacht kunnen indienen.",
    ),
    (
        "basis-mapping-in-regional-annex",
        "Welke grondslag bij welk doeleinde hoort, staat alleen in een bijlage voor een bepaalde regio.",
    ),
    (
        "catch-all-recipients",
        "Ontvangers worden alleen in ruime categorieën beschreven (zoals 'partners' of 'derden').",
    ),
    (
        "changes-notified-by-posting",
        "De toegezegde kennisgeving van wijzigingen bestaat alleen uit het plaatsen van de nieuwe versie op de pagina.",
    ),
    (
        "changes-without-notification",
        "Wijzigingen van de verklaring worden alleen aangekondigd door de pagina bij te werken.",
    ),
    (
        "children-without-age",
        "Kinderen worden genoemd zonder leeftijdsgrens.",
    ),
    (
        "complaint-authority-unnamed",
        "Het klachtrecht wordt genoemd zonder te vermelden bij welke toezichthoudende autoriteit de klacht kan worden ingediend.",
    ),
    (
        "complaint-only-as-last-resort",
        "Het recht om een klacht in te dienen bij de toezichthoudende autoriteit wordt alleen geboden als de verwerkingsverantwoordelijke er zelf niet uitkomt ('komen wij er samen niet uit, dan …'), niet als een onvoorwaardelijk recht.",
    ),
    (
        "continued-use-as-acceptance",
        "Voortgezet gebruik van de dienst geldt als aanvaarding van wijzigingen van de verklaring.",
    ),
    (
        "controller-left-to-each-service",
        "Wie de verwerkingsverantwoordelijke is, kan per dienst verschillen en wordt overgelaten aan de privacyverklaring van elke afzonderlijke dienst.",
    ),
    (
        "controller-only-a-brand",
        "De verwerkingsverantwoordelijke wordt alleen met een merknaam of in algemene termen aangeduid, niet als rechtspersoon.",
    ),
    (
        "cookies-on-legitimate-interest",
        "Analytische, advertentie-, tracking- of personalisatiecookies worden op grond van gerechtvaardigd belang, de overeenkomst of als 'strikt noodzakelijk' geplaatst in plaats van met toestemming.",
    ),
    (
        "cookies-without-lifetimes",
        "Cookies worden beschreven zonder te vermelden hoe lang ze bewaard blijven.",
    ),
    (
        "data-categories-only-definition",
        "De enige gegevens die worden genoemd, staan in een omschrijving van het begrip persoonsgegevens; die zegt wat persoonsgegevens zijn, niet welke gegevens worden verwerkt.",
    ),
    (
        "dpo-without-contact",
        "Er wordt een functionaris voor gegevensbescherming genoemd, maar zonder bruikbare contactgegevens.",
    ),
    (
        "hedged-changes-notice",
        "Een kennisgeving van wijzigingen van de verklaring is alleen een mogelijkheid ('wij kunnen u informeren', 'indien wettelijk vereist'): er wordt niets toegezegd.",
    ),
    (
        "hedged-or-generic-purposes",
        "De doeleinden zijn zo ruim of voorwaardelijk omschreven dat niet duidelijk is wat er feitelijk met de gegevens gebeurt.",
    ),
    (
        "hedged-recipients",
        "De meeste mededelingen over het delen van gegevens zijn voorwaardelijk geformuleerd ('wij kunnen delen'), zodat de lezer niet kan nagaan wie de gegevens feitelijk ontvangt.",
    ),
    (
        "interest-without-legitimate-basis",
        "Er wordt een belang genoemd (zoals het verdedigen van de rechten van de organisatie), maar de verklaring vermeldt nergens dat de verwerking op gerechtvaardigd belang berust.",
    ),
    (
        "joint-control-without-arrangement",
        "Er worden gezamenlijke verwerkingsverantwoordelijken genoemd, maar niet de wezenlijke inhoud van hun regeling.",
    ),
    (
        "last-updated-without-date",
        "Er wordt vermeld dat de verklaring is bijgewerkt, maar zonder herkenbare datum.",
    ),
    (
        "legal-basis-left-to-each-service",
        "De grondslag wordt overgelaten aan de privacyverklaring van elke afzonderlijke dienst.",
    ),
    (
        "mapping-left-to-each-service",
        "Welke grondslag bij welk doeleinde hoort, wordt overgelaten aan de privacyverklaring van elke afzonderlijke dienst.",
    ),
    (
        "marketing-opt-out-not-a-right",
        "Afmelden voor marketing wordt beschreven als een instelling of handeling, niet als een onvoorwaardelijk recht van bezwaar.",
    ),
    (
        "mostly-generic-retention",
        "De meeste mededelingen over bewaren zijn algemeen ('zo lang als nodig'); concrete termijnen gelden maar voor enkele gevallen.",
    ),
    (
        "no-copy-of-safeguards",
        "De verklaring vermeldt niet hoe een kopie van de waarborgen voor doorgifte kan worden verkregen.",
    ),
    (
        "no-direct-privacy-channel",
        "Contact wordt genoemd, maar zonder adres, e-mailadres, telefoonnummer of formulier.",
    ),
    (
        "open-ended-recipients",
        "De lijst van ontvangers is volgens de verklaring zelf niet volledig ('waaronder, maar niet beperkt tot'): de lezer weet niet wie de gegevens verder nog ontvangt.",
    ),
    (
        "open-ended-transfer-destinations",
        "Gegevens kunnen naar een niet afgebakende reeks landen gaan (zoals 'India of andere landen'); ook een genoemde waarborg zegt de lezer niet waar de gegevens verder heen gaan.",
    ),
    (
        "outdated-transfer-mechanism",
        "De doorgifte rust volgens de verklaring op een instrument dat niet meer bestaat: Safe Harbor of het Privacy Shield (beide ongeldig verklaard door het Hof van Justitie) of de ingetrokken modelbepalingen uit 2001, 2004 of 2010.",
    ),
    (
        "portability-only-export",
        "De verklaring zegt alleen dat betrokkenen hun gegevens uit hun account of de app kunnen exporteren of downloaden, niet dat zij recht op overdraagbaarheid van gegevens hebben.",
    ),
    (
        "purpose-without-basis",
        "De verklaring geeft per doel een grondslag, maar laat sommige doelen zonder grondslag.",
    ),
    (
        "purposes-left-to-each-service",
        "De doeleinden worden overgelaten aan de privacyverklaring van elke afzonderlijke dienst.",
    ),
    (
        "recipient-types-without-data-or-purpose",
        "De ontvangers staan er alleen als een kale lijst van soorten ('IT-leveranciers', 'betaaldienstverleners'), zonder te zeggen welke gegevens elke soort krijgt of waarvoor.",
    ),
    (
        "recipients-in-open-places",
        "Ontvangers van de gegevens werken volgens de verklaring in een open reeks landen ('onze groepsmaatschappijen in verschillende landen over de hele wereld'), dus de genoemde landen van doorgifte zijn niet alle landen waar de gegevens heen gaan.",
    ),
    (
        "recipients-left-to-each-service",
        "Wie de gegevens ontvangt, wordt overgelaten aan de privacyverklaring van elke afzonderlijke dienst.",
    ),
    (
        "right-to-object-not-separate",
        "Het recht van bezwaar wordt alleen tussen andere rechten genoemd, als afmeldmogelijkheid in de dienst aangeboden of alleen tegen direct marketing gegeven, niet afzonderlijk en niet voor verwerking op grond van gerechtvaardigd belang.",
    ),
    (
        "rights-procedure-left-to-each-service",
        "Hoe de rechten worden uitgeoefend, wordt overgelaten aan de privacyverklaring van elke afzonderlijke dienst.",
    ),
    (
        "safeguards-copy-only-model-text",
        "De enige 'kopie' van de doorgiftewaarborgen is een link naar de modeltekst van de Europese Commissie, niet naar de bepalingen die de verwerkingsverantwoordelijke heeft ondertekend.",
    ),
    (
        "several-bases-without-rule",
        "Bij een doeleinde staan meerdere grondslagen, zonder dat de verklaring zegt welke grondslag wat dekt of wanneer welke geldt.",
    ),
    (
        "sources-not-linked-to-data",
        "De bronnen worden alleen als een voorzichtige, open reeks gegeven ('wij kunnen gegevens uit verschillende bronnen krijgen'), en bij geen enkele bron staat welke gegevens zij levert.",
    ),
    (
        "special-data-without-exception",
        "Er worden bijzondere persoonsgegevens verwerkt, maar de verklaring noemt niet op welke uitzondering van artikel 9 lid 2 AVG dat berust.",
    ),
    (
        "statutory-only-generic",
        "Of welke gegevens verplicht zijn, wordt alleen in algemene termen gezegd ('sommige gegevens'), zonder te noemen welke.",
    ),
    (
        "transfer-mechanism-menu",
        "Voor de doorgifte worden meerdere mechanismen als alternatieven genoemd ('een adequaatheidsbesluit en/of standaardcontractbepalingen en/of artikel 49'), zonder te zeggen welk mechanisme de gegevens beschermt.",
    ),
    (
        "transfer-mechanism-only-an-example",
        "Het doorgiftemechanisme wordt alleen als voorbeeld genoemd van wat gebruikt kan worden ('geschikte mechanismen, zoals de standaardcontractbepalingen'), niet als het mechanisme dat de gegevens beschermt.",
    ),
    (
        "transfer-without-country",
        "Er wordt een doorgiftemechanisme genoemd (zoals standaardcontractbepalingen), maar niet naar welke landen de gegevens gaan.",
    ),
    (
        "transfer-without-destination",
        "Doorgifte wordt genoemd zonder een land te vermelden (bijvoorbeeld alleen 'wereldwijd' of 'andere landen').",
    ),
    (
        "unbounded-recipient-category",
        "Een categorie ontvangers blijft open ('partners, hun gelieerde ondernemingen en vertegenwoordigers', 'en andere derden', of ontvangers die de gegevens gebruiken 'zoals in deze verklaring beschreven'), ook al worden andere ontvangers wel genoemd.",
    ),
    (
        "unexplained-automated-decisions",
        "Geautomatiseerde besluitvorming of profilering wordt genoemd zonder te zeggen of die plaatsvindt en hoe die werkt.",
    ),
    (
        "unlinked-legal-basis",
        "Doeleinden en grondslagen worden naast elkaar genoemd, maar niet duidelijk is welke grondslag bij welk doeleinde hoort.",
    ),
    (
        "unnamed-legal-basis",
        "Er wordt naar een grondslag verwezen zonder die te noemen (zoals 'in overeenstemming met de toepasselijke wetgeving').",
    ),
    (
        "unnamed-transfer-mechanism",
        "Waarborgen voor doorgifte worden alleen in algemene termen genoemd ('passende waarborgen').",
    ),
    (
        "unspecified-transfer",
        "Doorgifte buiten de EER wordt genoemd zonder land van bestemming en zonder waarborg.",
    ),
    (
        "unstated-legitimate-interests",
        "De verklaring beroept zich op gerechtvaardigde belangen, maar vermeldt niet welk concreet belang wordt nagestreefd.",
    ),
    (
        "vague-data-sources",
        "De herkomst van gegevens van derden wordt slechts in algemene termen aangeduid (bijvoorbeeld 'partners' of 'andere bronnen').",
    ),
    (
        "vague-retention-period",
        "Er wordt geen bewaartermijn of concreet criterium gegeven; de mededeling dat gegevens 'zo lang als nodig' worden bewaard voldoet niet.",
    ),
    (
        "withdrawal-only-by-closing-account",
        "Toestemming kan alleen worden ingetrokken door het account op te heffen.",
    ),
    (
        "withdrawal-without-how",
        "De verklaring zegt dat toestemming kan worden ingetrokken, maar niet hoe.",
    ),
];

/// Dutch forms of the reasons the catalogue (`rules/requirements.yaml`) and the bundled
/// requiring rules give when an item does not apply or cannot be decided, by their English
/// text: what a Dutch report says instead of a generic "the condition does not hold".
static CONDITION_REASONS_NL: &[(&str, &str)] = &[
    (
        "checks for abuse or fraud lead to measures, and the statement does not say whether these are automated decisions",
        "controles op misbruik of fraude leiden tot maatregelen, en de verklaring zegt niet of dat geautomatiseerde besluiten zijn",
    ),
    (
        "consent is not relied on as a legal basis",
        "toestemming wordt niet als grondslag gebruikt",
    ),
    (
        "legitimate interests are not relied on",
        "gerechtvaardigd belang wordt niet als grondslag gebruikt",
    ),
    (
        "no direct marketing is disclosed",
        "de verklaring vermeldt geen direct marketing",
    ),
    (
        "no joint controllers are disclosed",
        "de verklaring noemt geen gezamenlijke verwerkingsverantwoordelijken",
    ),
    (
        "no legal basis is named, so it cannot be told whether consent is relied on",
        "er wordt geen grondslag genoemd, dus valt niet na te gaan of toestemming als grondslag wordt gebruikt",
    ),
    (
        "no legal basis is named, so it cannot be told whether legitimate interests are relied on",
        "er wordt geen grondslag genoemd, dus valt niet na te gaan of gerechtvaardigd belang als grondslag wordt gebruikt",
    ),
    (
        "no legal basis is given, so none is linked to a purpose",
        "er wordt geen grondslag genoemd, dus ook niet aan een doeleinde gekoppeld",
    ),
    (
        "no profiling or automated decision-making is disclosed",
        "de verklaring vermeldt geen profilering of geautomatiseerde besluitvorming",
    ),
    (
        "no special categories of data are disclosed",
        "de verklaring vermeldt geen verwerking van bijzondere persoonsgegevens",
    ),
    (
        "no transfer outside the EEA is disclosed, and no third country or non-EU provider is named",
        "er wordt geen doorgifte buiten de EER vermeld, en geen derde land of dienstverlener van buiten de EU genoemd",
    ),
    (
        "the controller appears to be established in the EU/EEA",
        "de verwerkingsverantwoordelijke lijkt in de EU/EER gevestigd te zijn",
    ),
    (
        "the statement does not mention cookies or similar technologies",
        "de verklaring noemt geen cookies of vergelijkbare technieken",
    ),
    (
        "the statement does not say where the controller is established, or whether it addresses people in the EU",
        "de verklaring zegt niet waar de verwerkingsverantwoordelijke is gevestigd of dat zij zich tot mensen in de EU richt, zodat niet vaststaat of een vertegenwoordiger in de Unie nodig is",
    ),
    (
        "the statement does not say whether a data protection officer is designated",
        "de verklaring zegt niet of er een functionaris voor gegevensbescherming is aangewezen",
    ),
    (
        "the statement does not say whether children use the service",
        "de verklaring zegt niet of kinderen de dienst gebruiken",
    ),
    (
        "the statement does not say whether data comes from sources other than the person",
        "de verklaring zegt niet of gegevens uit andere bronnen dan de betrokkene zelf komen",
    ),
    (
        "the statement does not say whether data leaves the EEA, and names no third country or non-EU provider",
        "de verklaring zegt niet of gegevens de EER verlaten, en noemt geen derde land of dienstverlener van buiten de EU",
    ),
    (
        "the statement neither says that data leaves the EEA nor that it does not, so it cannot be told whether safeguards are needed",
        "de verklaring zegt niet dat gegevens de EER verlaten en ook niet dat ze dat niet doen, dus is niet te zeggen of waarborgen nodig zijn",
    ),
];

/// The Dutch form of a reason for `not-applicable` or `undetermined` in
/// [`CONDITION_REASONS_NL`].
pub fn condition_reason_nl(reason: &str) -> Option<&'static str> {
    CONDITION_REASONS_NL
        .iter()
        .find(|(en, _)| *en == reason)
        .map(|(_, nl)| *nl)
}

/// The Dutch reason of a right that is only promised for the privacy statement of each
/// separate service (no rule fires for it: see [`crate::rules::RIGHT_ONLY_DEFERRED`]).
pub const RIGHT_ONLY_DEFERRED_NL: &str = "Het recht wordt alleen toegezegd voor de privacyverklaring van elke afzonderlijke dienst, en niet in deze verklaring zelf gegeven.";

/// The Dutch reason of a rule in [`VAGUE_REASONS_NL`].
pub fn vague_reason_nl(rule: &str) -> Option<&'static str> {
    VAGUE_REASONS_NL
        .iter()
        .find(|(name, _)| *name == rule)
        .map(|(_, text)| *text)
}

pub static EN: Strings = Strings {
    title: "Transparency assessment of a privacy statement",
    subtitle: "Review against the information requirements of Articles 12 to 14 GDPR",
    draft_notice: "Automated draft for review by a data protection professional. Not legal advice and not a decision of a supervisory authority.",
    h_control: "Document control",
    organisation: "Controller (as stated)",
    not_identified: "not identified",
    review_date: "Date of the review",
    tool: "Tool",
    rule_pack: "Rule pack",
    standard: "Assessment framework",
    standard_text: "General Data Protection Regulation (Regulation (EU) 2016/679, \"GDPR\"), Articles 5(1)(a), 12, 13 and 14, read in the light of the Article 29 Working Party Guidelines on transparency under Regulation 2016/679 (WP260 rev.01), endorsed by the EDPB.",
    report_language: "Report language",
    report_status: "Status of this report",
    report_status_text: "Draft — generated automatically; requires human review",
    h_summary: "Executive summary",
    h_documents: "Documents examined",
    h_framework: "Assessment framework and rating scale",
    h_findings: "Findings",
    h_purpose_map: "Purpose map",
    h_layers: "Layered notice",
    h_conclusion: "Conclusion",
    h_recommendations: "Recommendations",
    h_suppressed: "Suppressed findings",
    h_method: "Method",
    h_limitations: "Limitations",
    h_outline: "Annex E — Outline of the documents examined",
    h_contents: "Contents",
    h_top_gaps: "Most serious gaps",
    h_status_counts: "Results by status",
    h_legend: "Key to statuses",
    h_rating_scale: "Overall rating",
    h_by_reference: "Items provided only by reference",
    h_conflicts: "Differences between layers",
    c_nr: "No.",
    c_requirement: "Requirement",
    c_article: "Legal reference",
    c_status: "Status",
    c_evidence: "What the statement says (location)",
    c_assessment: "Assessment and recommendation",
    c_priority: "Priority",
    c_count: "Number",
    c_document: "Document",
    c_role: "Role",
    c_format: "Format",
    c_language: "Language",
    c_last_updated: "Last updated (as printed)",
    c_sha256: "SHA-256 of the file",
    c_size: "Size",
    c_purpose: "Purpose",
    c_basis: "Legal basis",
    c_categories: "Categories of data",
    c_retention: "Retention",
    c_recipients: "Recipients",
    c_location: "Location",
    c_page: "Page",
    c_link_trail: "Link trail from the statement",
    c_conflict: "Difference",
    c_rule: "Rule",
    c_reason: "Reason given",
    c_section: "Section",
    c_lines: "Lines",
    c_meaning: "Meaning",
    role_statement: "privacy statement",
    role_help: "help page (layer)",
    role_other: "not a privacy statement",
    no_date: "no date found",
    no_passage: "No passage found.",
    recommendation: "Recommendation",
    gap: "gap",
    see_purpose: "in the purpose text",
    none: "None.",
    line: "line",
    words: "words",
    section: "section",
    sections: "sections",
    preamble: "(before the first heading)",
    no_link_found: "no link to this page was found in the statement",
    priority_high: "High",
    priority_medium: "Medium",
    priority_low: "Low",
    priority_review: "Review",
    rating_label: "Overall transparency",
    rating_good: "Good",
    rating_reasonable: "Reasonable",
    rating_limited: "Limited",
    rating_poor: "Poor",
    rating_scale: [
        "Good: no core item or right is missing, insufficiently specific or given only by reference.",
        "Reasonable: no high-priority gap; some medium-priority gaps (items given only by reference, vague items outside the core).",
        "Limited: one to three high-priority gaps (a core item or right missing, or purposes, legal bases, recipients, retention or transfers insufficiently specific).",
        "Poor: four or more high-priority gaps, or the controller's identity or the purposes are not provided at all.",
    ],
    priority_scale: "Priority: High — a core item or a data-subject right is not provided, or an item the Dutch authority found decisive in the Netflix decision (purposes, legal bases, recipients, retention, transfers, controller identity) is insufficiently specific; Medium — other items that are insufficiently specific or provided only by reference; Low — good-practice items; Review — could not be determined and needs a human check.",
    chart_title: "Number of requirements per status",
    not_a_statement: "The document examined was not recognised as a privacy statement (it reads as a help page, news item or other text), so no requirement was assessed. Check that the right document was supplied.",
    findings_intro: "One row per item of the requirement catalogue, in catalogue order. Quotes are verbatim from the document, with file, line and section heading; the assessment gives the reason for the status and, where the item falls short, a concrete drafting recommendation.",
    purpose_map_intro_table: "The map below was built from a table in the statement whose header names purposes or legal bases: one row per table row. Legal bases, retention periods, recipients and categories of data were filled in from the cells of the same row.",
    purpose_map_intro_sentences: "The statement has no table of purposes and legal bases. The map below was built from the sentences that state purposes: one row per paragraph or list item. Each row is filled in with the legal bases named in the same sentence or list item (or in the sentence introducing the list), the retention periods and recipients found in the same paragraph or list item, and categories of data mentioned there.",
    purpose_map_empty: "No purpose could be located in the statement, so no purpose map could be built.",
    purpose_map_caveat: "This map is an extraction aid, not a legal conclusion: an empty cell (marked \"gap\") means that the statement does not give this information next to the purpose, not necessarily that it is absent elsewhere. A reader should be able to build this table from the statement; every gap is a place where a reader cannot.",
    purpose_map_truncated: "Further purpose passages were left out of the map",
    layers_intro: "A layered notice gives essential information in the statement and details on other pages. Items found only on a help page, and not in the statement itself, are provided by reference only (WP260: the first layer should contain the essential information).",
    layers_none: "No item was provided only by reference.",
    conflicts_heuristic: "Heuristic: a difference is listed when the statement and a help page give different retention periods for the same item, when one layer states that something does not happen while another describes it, or when an item is insufficiently specific in the statement but addressed on a help page. Each difference needs a human check of which layer is right.",
    conflicts_none: "No differences between the layers were found.",
    suppressed_none: "None. No finding was suppressed in the documents examined.",
    method: &[
        "The documents were read from the files supplied, decoded and divided into sections and blocks (headings, paragraphs, list items, table cells). Each block was assigned a language.",
        "Each sentence was matched against the English and Dutch vocabulary of the rule pack to find which requirement it addresses; headings and table headers mark the topic of the text below them. Typed values (periods, dates, e-mail addresses, countries, legal bases, transfer mechanisms, authorities) were extracted from the matching sentences.",
        "For each requirement a status was decided by rules that are data (one rule per file): a requirement that applies and is not addressed is not provided; an addressed requirement whose evidence fails a quality test (hedging, generic wording, no period, no country, no interest named) is insufficiently specific; a requirement addressed only by a link, or found only on a supplied help page, is provided by reference only. Applicability of conditional items (transfers, consent, legitimate interests, automated decisions, data from other sources) was inferred from the text; where the text is silent the item is undetermined or not applicable, as the catalogue defines.",
        "Quotes are the narrowest sentences that support a status, with their line in the file. Links in the statement were not followed; only help pages supplied with the statement were examined.",
        "No person reviewed the result before this report was produced.",
    ],
    limitations: &[
        "This is a desk review of the published text only. The actual processing, records of processing, contracts and systems were not examined: \"Met\" means \"stated\", not \"true\".",
        "Point in time: the text as supplied on the date of the review, identified by the SHA-256 of each file. Later changes are not covered.",
        "Scope: only the documents listed were examined. Pages that were not supplied, app screens, just-in-time and contextual notices, cookie banners and answers to access requests were not seen; information given there is not taken into account.",
        "Whether Article 13 or 14 and conditional items apply (a data protection officer, transfers, consent, legitimate interests, automated decisions) was inferred from the text. Where the text is silent on a conditional item it is marked \"Could not be determined\" rather than \"Not provided\"; unconditional items are \"Not provided\" when absent.",
        "Automated analysis can miss or misread passages, especially in tables, images, PDFs and mixed-language text. Items marked \"Could not be determined\" or \"Review\" need a human check, and every status should be confirmed by a reader before the report is relied on.",
        "This report is not legal advice, not a decision of a supervisory authority and not a finding of infringement. It uses the text of the GDPR and WP260 rev.01; national practice or later EDPB guidance may set stricter expectations.",
    ],
    accuracy: "Measured accuracy of the status labels (privlint eval, this rule pack): micro-F1 about 0.90 on 58 labelled English app privacy policies (gt200-dev) and about 0.99 on the labelled real English statements of the test set; the vague/met quality judgement agreed with human labels on 76 of 88 English items. Figures for Dutch statements are based on fewer documents. These figures describe the tool on average, not this document.",
    conclusion_met: "It follows that the statement provides the information referred to in Articles 13 and 14 GDPR that was assessed, subject to the limitations set out in this report.",
    recommendations_none: "No recommendation: every applicable item is met.",
    outline_intro: "The sections of each document, with their heading path and line range in the file, so that every location cited in this report can be found.",
    summary_scope: "This report assesses whether the privacy statement provides the information required by Articles 12 to 14 GDPR.",
    summary_disclaimer: "This is a desk review of the published text only; it does not verify the actual processing.",
    h_overview: "Overview of the requirements",
    h_per_requirement: "Findings per requirement",
    h_form: "Form and presentation (Article 12(1) GDPR)",
    per_requirement_intro: "Each item of the catalogue in its own block, grouped by subject. A block states what the item asks for, quotes what the documents say and where, describes how the information reaches the reader, gives the assessment and a one-sentence finding, and ends with a recommendation where the item falls short. Longer versions of the quotes are in Annex B.",
    b_required: "What is required",
    b_provided: "What the documents provide",
    b_how: "How it is provided",
    b_assessment: "Assessment",
    b_finding: "Finding",
    b_checks: "Checks that flagged the item",
    form_intro: "Article 12(1) GDPR asks for information that is concise, transparent, intelligible and easy to reach. The analysis measures a few things that bear on this; they are reported here as observations.",
    form_caveat: "These are counts taken from the text, not a verdict on readability. Whether the statement is concise and written in clear and plain language has to be judged by a human reader.",
    h_evidence_annex: "Annex B — Evidence extracts",
    evidence_intro: "Every passage the analysis recorded as evidence for an item, with the document, line and section it comes from. The numbers (T-05.1 and so on) are the ones used in the findings; the findings show shortened quotes, this annex the longer text.",
    evidence_none: "No passage was recorded as evidence for any item.",
    h_glossary_annex: "Annex C — Definitions and key to statuses",
    glossary_intro: "The terms this report uses, with their Dutch equivalents, followed by the statuses, the overall rating and the priorities.",
    h_terms: "Terms",
    c_term_en: "Term (English)",
    c_term_nl: "Term (Dutch)",
    c_key: "Key",
    c_label_en: "Label (English)",
    c_label_nl: "Label (Dutch)",
    h_priority_scale: "Priorities",
    h_method_annex: "Annex D — Technical details of the review",
    method_annex_intro: "What is needed to repeat this review and get the same report: the tool, its rules and vocabularies, the settings and the exact input files.",
    c_item: "Item",
    c_value: "Value",
    d_rules: "Rules applied",
    d_catalogue: "Catalogue items assessed",
    d_lexicons: "Vocabularies (languages)",
    d_links: "Links followed",
    d_links_text: "none; only the files listed below were read",
    d_human: "Human review",
    d_human_text: "not carried out before this report was produced",
    d_inputs: "Input files",
    bytes: "bytes",
    page: "Page",
    h_introduction: "Introduction",
    h_reason: "Reason for the assessment",
    h_objective: "Objective and question",
    h_scope: "Scope and boundaries",
    h_readers: "Intended readers",
    intro_reason: "This report was produced with privlint, a tool that reads privacy statements the way a supervisory authority reads them when it assesses transparency. Authorities have found that a statement can mention every required topic and still fall short when it does not say clearly enough for which purposes and on which legal bases data is processed, with whom it is shared, how long it is kept and how transfers outside the European Economic Area are protected (Autoriteit Persoonsgegevens, decision on Netflix International B.V., 2024). The assessment therefore looks at the quality of the information as well as its presence.",
    intro_objective: "The question is whether the privacy statement, together with any help pages supplied with it, provides the information required by Articles 13 and 14 GDPR in the form required by Article 12(1) GDPR: concise, transparent, intelligible and easily accessible, in clear and plain language. The objective is to give the controller a list of shortcomings and concrete drafting recommendations.",
    intro_scope: &[
        "In scope: the documents listed in chapter 3, in the language version supplied. Both Article 13 (data collected from the data subject) and Article 14 (data obtained from other sources) are assessed, because a statement usually covers both; items that apply only under a condition are assessed as the catalogue defines. The statement is read as addressed to everyone it names; groups of data subjects are not assessed separately.",
        "Out of scope: whether the processing actually takes place as described, records of processing, contracts, cookie banners and compliance with the ePrivacy rules, notices shown in apps or forms, and answers to requests from data subjects.",
    ],
    intro_readers: "The data protection officer and the legal or compliance staff responsible for the statement. An external auditor or a case handler of a supervisory authority can use it as a structured starting point. Chapter 1 can be read on its own; chapter 7 and the annexes are for readers who check the findings against the text.",
    h_checklist_annex: "Annex A — Requirement checklist",
    checklist_intro: "The information that Articles 13 and 14 GDPR require, in the order of the schedule annexed to the WP260 guidelines, with the article for data collected from the data subject (Article 13) and for data obtained otherwise (Article 14), the final status and where the information was found. Items of good practice follow at the end.",
    c_required_info: "Required information",
    c_art13: "Article 13",
    c_art14: "Article 14",
    c_comment: "What the item asks",
    h_good_practice: "Good practice observed",
    good_practice_none: "No core item is fully met.",
    legend_short: "Key: ✓ Met · ◐ Insufficiently specific · → Provided by reference only · ✗ Not provided · – Not applicable · ? Could not be determined (definitions in chapter 4 and Annex C).",
    full_text_in_annex: "full text in Annex B",
    c_passage: "Passage (verbatim)",
    b_applies: "When it applies",
};

pub static NL: Strings = Strings {
    title: "Toetsing van een privacyverklaring aan de transparantievereisten van de AVG",
    subtitle: "Beoordeling aan de hand van de informatieverplichtingen van de artikelen 12 tot en met 14 AVG",
    draft_notice: "Automatisch opgesteld concept, ter beoordeling door een privacydeskundige. Geen juridisch advies en geen oordeel van een toezichthouder.",
    h_control: "Colofon",
    organisation: "Verwerkingsverantwoordelijke (zoals vermeld)",
    not_identified: "niet vastgesteld",
    review_date: "Datum van de toetsing",
    tool: "Hulpmiddel",
    rule_pack: "Regelset",
    standard: "Toetsingskader",
    standard_text: "Algemene verordening gegevensbescherming (Verordening (EU) 2016/679, hierna: AVG), artikel 5, eerste lid, onder a, en de artikelen 12, 13 en 14, gelezen in het licht van de Richtsnoeren inzake transparantie van de Groep gegevensbescherming artikel 29 (WP260 rev.01), bekrachtigd door het EDPB.",
    report_language: "Taal van het rapport",
    report_status: "Status van dit rapport",
    report_status_text: "Concept — automatisch opgesteld; handmatige beoordeling vereist",
    h_summary: "Samenvatting",
    h_documents: "Onderzochte documenten",
    h_framework: "Toetsingskader en beoordelingsschaal",
    h_findings: "Bevindingen",
    h_purpose_map: "Overzicht van doeleinden",
    h_layers: "Gelaagde informatieverstrekking",
    h_conclusion: "Conclusie",
    h_recommendations: "Aanbevelingen",
    h_suppressed: "Onderdrukte bevindingen",
    h_method: "Werkwijze",
    h_limitations: "Beperkingen",
    h_outline: "Bijlage E — Indeling van de onderzochte documenten",
    h_contents: "Inhoud",
    h_top_gaps: "Belangrijkste tekortkomingen",
    h_status_counts: "Resultaten per oordeel",
    h_legend: "Legenda",
    h_rating_scale: "Algemeen oordeel",
    h_by_reference: "Onderdelen die alleen via een verwijzing worden gegeven",
    h_conflicts: "Verschillen tussen de lagen",
    c_nr: "Nr.",
    c_requirement: "Vereiste",
    c_article: "Artikel",
    c_status: "Oordeel",
    c_evidence: "Wat de verklaring vermeldt (vindplaats)",
    c_assessment: "Beoordeling en aanbeveling",
    c_priority: "Prioriteit",
    c_count: "Aantal",
    c_document: "Document",
    c_role: "Rol",
    c_format: "Formaat",
    c_language: "Taal",
    c_last_updated: "Laatst bijgewerkt (zoals vermeld)",
    c_sha256: "SHA-256 van het bestand",
    c_size: "Omvang",
    c_purpose: "Doeleinde",
    c_basis: "Grondslag",
    c_categories: "Categorieën gegevens",
    c_retention: "Bewaartermijn",
    c_recipients: "Ontvangers",
    c_location: "Vindplaats",
    c_page: "Pagina",
    c_link_trail: "Verwijzing vanuit de verklaring",
    c_conflict: "Verschil",
    c_rule: "Regel",
    c_reason: "Opgegeven reden",
    c_section: "Onderdeel",
    c_lines: "Regels",
    c_meaning: "Betekenis",
    role_statement: "privacyverklaring",
    role_help: "hulppagina (laag)",
    role_other: "geen privacyverklaring",
    no_date: "geen datum aangetroffen",
    no_passage: "Geen passage aangetroffen.",
    recommendation: "Aanbeveling",
    gap: "ontbreekt",
    see_purpose: "in de tekst van het doeleinde",
    none: "Geen.",
    line: "regel",
    words: "woorden",
    section: "onderdeel",
    sections: "onderdelen",
    preamble: "(vóór de eerste kop)",
    no_link_found: "in de verklaring is geen link naar deze pagina aangetroffen",
    priority_high: "Hoog",
    priority_medium: "Middel",
    priority_low: "Laag",
    priority_review: "Nagaan",
    rating_label: "Algemeen oordeel over de transparantie",
    rating_good: "Goed",
    rating_reasonable: "Redelijk",
    rating_limited: "Beperkt",
    rating_poor: "Onvoldoende",
    rating_scale: [
        "Goed: geen kernonderdeel of recht ontbreekt, is onvoldoende duidelijk of wordt alleen via een verwijzing gegeven.",
        "Redelijk: geen tekortkoming met hoge prioriteit; wel enkele met middelhoge prioriteit (onderdelen alleen via verwijzing, onduidelijke onderdelen buiten de kern).",
        "Beperkt: één tot drie tekortkomingen met hoge prioriteit (een kernonderdeel of recht ontbreekt, of doeleinden, grondslagen, ontvangers, bewaartermijnen of doorgifte zijn onvoldoende duidelijk).",
        "Onvoldoende: vier of meer tekortkomingen met hoge prioriteit, of de identiteit van de verwerkingsverantwoordelijke of de doeleinden ontbreken geheel.",
    ],
    priority_scale: "Prioriteit: Hoog — een kernonderdeel of een recht van de betrokkene ontbreekt, of een onderdeel dat de Autoriteit Persoonsgegevens in het Netflix-besluit doorslaggevend achtte (doeleinden, grondslagen, ontvangers, bewaartermijnen, doorgifte, identiteit van de verwerkingsverantwoordelijke) is onvoldoende duidelijk; Middel — andere onderdelen die onvoldoende duidelijk zijn of alleen via een verwijzing worden gegeven; Laag — onderdelen van goede praktijk; Nagaan — niet vast te stellen, handmatige beoordeling nodig.",
    chart_title: "Aantal vereisten per oordeel",
    not_a_statement: "Het onderzochte document is niet herkend als privacyverklaring (het leest als hulppagina, nieuwsbericht of andere tekst); daarom is geen enkel vereiste getoetst. Controleer of het juiste document is aangeleverd.",
    findings_intro: "Eén rij per onderdeel van de toetsingslijst, in de volgorde van de lijst. Citaten zijn letterlijk overgenomen, met bestand, regel en kop van het onderdeel; de beoordeling geeft de reden voor het oordeel en, waar het onderdeel tekortschiet, een concrete aanbeveling voor de tekst.",
    purpose_map_intro_table: "Het overzicht hieronder is opgebouwd uit een tabel in de verklaring waarvan de kop doeleinden of grondslagen noemt: één rij per tabelrij. Grondslagen, bewaartermijnen, ontvangers en categorieën gegevens zijn ingevuld uit de cellen van dezelfde rij.",
    purpose_map_intro_sentences: "De verklaring bevat geen tabel van doeleinden en grondslagen. Het overzicht hieronder is opgebouwd uit de zinnen die doeleinden noemen: één rij per alinea of opsommingsonderdeel. Elke rij is aangevuld met de grondslagen die in dezelfde zin of hetzelfde opsommingsonderdeel (of in de inleidende zin van de opsomming) worden genoemd, en met de bewaartermijnen, ontvangers en categorieën gegevens in dezelfde alinea of hetzelfde opsommingsonderdeel.",
    purpose_map_empty: "In de verklaring zijn geen doeleinden aangetroffen; er kon geen overzicht worden opgesteld.",
    purpose_map_caveat: "Dit overzicht is een hulpmiddel bij het lezen, geen juridisch oordeel: een lege cel (\"ontbreekt\") betekent dat de verklaring deze informatie niet bij het doeleinde geeft, niet per se dat zij elders ontbreekt. Een lezer zou deze tabel uit de verklaring moeten kunnen opstellen; elke lege cel is een plaats waar dat niet lukt.",
    purpose_map_truncated: "Verdere passages over doeleinden zijn niet in het overzicht opgenomen",
    layers_intro: "Bij gelaagde informatieverstrekking staat de essentiële informatie in de verklaring en staan details op andere pagina's. Onderdelen die alleen op een hulppagina staan en niet in de verklaring zelf, worden alleen via een verwijzing gegeven (WP260: de eerste laag hoort de essentiële informatie te bevatten).",
    layers_none: "Geen enkel onderdeel wordt alleen via een verwijzing gegeven.",
    conflicts_heuristic: "Werkwijze: een verschil wordt vermeld wanneer de verklaring en een hulppagina voor hetzelfde onderdeel verschillende bewaartermijnen noemen, wanneer de ene laag zegt dat iets niet gebeurt terwijl de andere het beschrijft, of wanneer een onderdeel in de verklaring onvoldoende duidelijk is maar op een hulppagina wel wordt behandeld. Bij elk verschil moet handmatig worden nagegaan welke laag juist is.",
    conflicts_none: "Er zijn geen verschillen tussen de lagen aangetroffen.",
    suppressed_none: "Geen. In de onderzochte documenten is geen bevinding onderdrukt.",
    method: &[
        "De documenten zijn ingelezen uit de aangeleverde bestanden, gedecodeerd en ingedeeld in onderdelen en blokken (koppen, alinea's, opsommingsonderdelen, tabelcellen). Van elk blok is de taal bepaald.",
        "Elke zin is vergeleken met de Engelse en Nederlandse woordenlijsten van de regelset om vast te stellen welk vereiste hij behandelt; koppen en tabelkoppen bepalen het onderwerp van de tekst eronder. Uit de zinnen zijn getypeerde waarden gehaald (termijnen, datums, e-mailadressen, landen, grondslagen, doorgiftemechanismen, toezichthouders).",
        "Per vereiste is een oordeel bepaald met regels die als gegevens zijn vastgelegd (één regel per bestand): een vereiste dat van toepassing is en niet wordt behandeld, ontbreekt; een behandeld vereiste waarvan de vindplaatsen een kwaliteitstoets niet doorstaan (voorbehouden, algemene bewoordingen, geen termijn, geen land, geen belang genoemd) is onvoldoende duidelijk; een vereiste dat alleen via een link wordt behandeld of alleen op een aangeleverde hulppagina staat, wordt alleen via een verwijzing gegeven. Of voorwaardelijke onderdelen van toepassing zijn (doorgifte, toestemming, gerechtvaardigd belang, geautomatiseerde besluiten, gegevens uit andere bronnen) is afgeleid uit de tekst; zwijgt de tekst, dan is het onderdeel niet vast te stellen of niet van toepassing, zoals de toetsingslijst bepaalt.",
        "Citaten zijn de kleinste zinnen die een oordeel dragen, met hun regel in het bestand. Links in de verklaring zijn niet gevolgd; alleen de hulppagina's die met de verklaring zijn aangeleverd, zijn onderzocht.",
        "Het resultaat is vóór het opstellen van dit rapport niet door een mens beoordeeld.",
    ],
    limitations: &[
        "Dit rapport is gebaseerd op een documentonderzoek van de gepubliceerde tekst. Niet onderzocht is of de beschreven verwerkingen in de praktijk zo plaatsvinden; ook registers, contracten en systemen zijn niet bekeken. \"Voldoet\" betekent \"vermeld\", niet \"juist\".",
        "Peilmoment: de tekst zoals aangeleverd op de datum van de toetsing, herkenbaar aan de SHA-256 van elk bestand. Latere wijzigingen vallen buiten dit rapport.",
        "Reikwijdte: alleen de vermelde documenten zijn onderzocht. Niet aangeleverde pagina's, app-schermen, contextuele meldingen, cookiebanners en antwoorden op inzageverzoeken zijn niet gezien; informatie die daar wordt gegeven, is niet meegewogen.",
        "Of artikel 13 of 14 en voorwaardelijke onderdelen van toepassing zijn (een functionaris voor gegevensbescherming, doorgifte, toestemming, gerechtvaardigd belang, geautomatiseerde besluiten), is afgeleid uit de tekst. Zwijgt de tekst over een voorwaardelijk onderdeel, dan luidt het oordeel \"Niet vast te stellen\" en niet \"Ontbreekt\"; onvoorwaardelijke onderdelen die niet worden genoemd, ontbreken.",
        "Een geautomatiseerde analyse kan passages missen of verkeerd lezen, vooral in tabellen, afbeeldingen, pdf's en tekst in meer talen. Onderdelen met het oordeel \"Niet vast te stellen\" of de prioriteit \"Nagaan\" vragen om handmatige beoordeling, en elk oordeel moet door een lezer worden bevestigd voordat op dit rapport wordt vertrouwd.",
        "Het rapport bevat geen juridisch advies, geen oordeel van een toezichthouder en geen vaststelling van een overtreding. Het gaat uit van de tekst van de AVG en WP260 rev.01; nationale praktijk of latere richtsnoeren van het EDPB kunnen strengere eisen stellen.",
    ],
    accuracy: "Gemeten nauwkeurigheid van de oordelen (privlint eval, deze regelset): micro-F1 ongeveer 0,90 op 58 gelabelde Engelstalige privacyverklaringen van apps (gt200-dev) en ongeveer 0,99 op de gelabelde echte Engelstalige verklaringen van de testset; het kwaliteitsoordeel (onvoldoende duidelijk of voldoet) kwam bij 76 van de 88 Engelstalige onderdelen overeen met het menselijke oordeel. Voor Nederlandstalige verklaringen berusten de cijfers op minder documenten. De cijfers beschrijven het hulpmiddel gemiddeld, niet dit document.",
    conclusion_met: "Gelet op het voorgaande wordt geconcludeerd dat de verklaring de getoetste informatie bedoeld in de artikelen 13 en 14 AVG verstrekt, met inachtneming van de beperkingen van dit rapport.",
    recommendations_none: "Geen aanbevelingen: aan elk toepasselijk onderdeel wordt voldaan.",
    outline_intro: "De onderdelen van elk document, met de koppen waaronder zij staan en de regels die zij in het bestand beslaan, zodat elke vindplaats in dit rapport kan worden teruggevonden.",
    summary_scope: "Dit rapport toetst of de privacyverklaring de informatie bevat die de artikelen 12 tot en met 14 AVG vereisen.",
    summary_disclaimer: "Het betreft een documentonderzoek van de gepubliceerde tekst; de feitelijke verwerking is niet onderzocht.",
    h_overview: "Overzicht van de vereisten",
    h_per_requirement: "Bevindingen per vereiste",
    h_form: "Vorm en presentatie (artikel 12, eerste lid, AVG)",
    per_requirement_intro: "Elk onderdeel van de toetsingslijst in een eigen blok, gegroepeerd naar onderwerp. Een blok vermeldt wat het onderdeel vraagt, citeert wat de documenten zeggen en waar, beschrijft hoe de informatie de lezer bereikt, geeft de beoordeling en een bevinding in één zin, en sluit af met een aanbeveling als het onderdeel tekortschiet. Langere versies van de citaten staan in bijlage B.",
    b_required: "Vereiste",
    b_provided: "Wat de documenten vermelden",
    b_how: "Wijze van verstrekking",
    b_assessment: "Beoordeling",
    b_finding: "Bevinding",
    b_checks: "Regels die een bevinding gaven",
    form_intro: "Artikel 12, eerste lid, AVG vraagt om informatie die beknopt, transparant, begrijpelijk en gemakkelijk bereikbaar is. De analyse meet enkele zaken die daarvoor van belang zijn; die staan hier als waarnemingen.",
    form_caveat: "Dit zijn tellingen uit de tekst, geen oordeel over de leesbaarheid. Of de verklaring beknopt is en in duidelijke en eenvoudige taal is gesteld, moet een menselijke lezer beoordelen.",
    h_evidence_annex: "Bijlage B — Citaten en vindplaatsen",
    evidence_intro: "Elke passage die de analyse als bewijs voor een onderdeel heeft vastgelegd, met het document, de regel en het onderdeel waar zij staat. De nummers (T-05.1 enzovoort) zijn dezelfde als in de bevindingen; de bevindingen tonen ingekorte citaten, deze bijlage de langere tekst.",
    evidence_none: "Voor geen enkel onderdeel is een passage als bewijs vastgelegd.",
    h_glossary_annex: "Bijlage C — Begrippen en legenda",
    glossary_intro: "De begrippen die dit rapport gebruikt, met hun Engelse tegenhanger, gevolgd door de oordelen, het algemene oordeel en de prioriteiten.",
    h_terms: "Begrippen",
    c_term_en: "Begrip (Engels)",
    c_term_nl: "Begrip (Nederlands)",
    c_key: "Sleutel",
    c_label_en: "Aanduiding (Engels)",
    c_label_nl: "Aanduiding (Nederlands)",
    h_priority_scale: "Prioriteiten",
    h_method_annex: "Bijlage D — Verantwoording",
    method_annex_intro: "Wat nodig is om deze toetsing te herhalen en hetzelfde rapport te krijgen: het hulpmiddel, de regels en woordenlijsten, de instellingen en de precieze invoerbestanden.",
    c_item: "Onderwerp",
    c_value: "Waarde",
    d_rules: "Toegepaste regels",
    d_catalogue: "Getoetste onderdelen van de toetsingslijst",
    d_lexicons: "Woordenlijsten (talen)",
    d_links: "Gevolgde links",
    d_links_text: "geen; alleen de hieronder vermelde bestanden zijn gelezen",
    d_human: "Menselijke beoordeling",
    d_human_text: "niet uitgevoerd voordat dit rapport werd opgesteld",
    d_inputs: "Invoerbestanden",
    bytes: "bytes",
    page: "Pagina",
    h_introduction: "Inleiding",
    h_reason: "Aanleiding",
    h_objective: "Doel en onderzoeksvraag",
    h_scope: "Reikwijdte en afbakening",
    h_readers: "Doelgroep van het rapport",
    intro_reason: "Dit rapport is opgesteld met privlint, een hulpmiddel dat privacyverklaringen leest zoals een toezichthouder dat doet wanneer hij de transparantie beoordeelt. Toezichthouders hebben vastgesteld dat een verklaring alle verplichte onderwerpen kan noemen en toch tekort kan schieten als zij niet duidelijk genoeg vermeldt voor welke doeleinden en op welke grondslagen gegevens worden verwerkt, met wie zij worden gedeeld, hoe lang zij worden bewaard en hoe doorgifte buiten de Europese Economische Ruimte wordt beschermd (Autoriteit Persoonsgegevens, besluit inzake Netflix International B.V., 2024). De toetsing kijkt daarom niet alleen of de informatie er is, maar ook naar de kwaliteit ervan.",
    intro_objective: "De onderzoeksvraag is of de privacyverklaring, samen met de eventueel daarbij aangeleverde hulppagina's, de informatie verstrekt die de artikelen 13 en 14 AVG vereisen, op de wijze die artikel 12, eerste lid, AVG voorschrijft: in een beknopte, transparante, begrijpelijke en gemakkelijk toegankelijke vorm en in duidelijke en eenvoudige taal. Het doel is de verwerkingsverantwoordelijke een overzicht van tekortkomingen en concrete aanbevelingen voor de tekst te geven.",
    intro_scope: &[
        "Binnen de reikwijdte vallen de documenten die in hoofdstuk 3 zijn vermeld, in de aangeleverde taalversie. Zowel artikel 13 (gegevens die bij de betrokkene zelf worden verzameld) als artikel 14 (gegevens die op een andere manier zijn verkregen) wordt getoetst, omdat een verklaring meestal beide situaties bestrijkt; onderdelen die alleen onder een voorwaarde gelden, worden getoetst zoals de toetsingslijst aangeeft. De verklaring wordt gelezen als gericht aan iedereen die zij noemt; groepen betrokkenen worden niet afzonderlijk beoordeeld.",
        "Buiten de reikwijdte vallen: of de verwerking in de praktijk plaatsvindt zoals beschreven, het register van verwerkingsactiviteiten, overeenkomsten, cookiebanners en de naleving van de ePrivacy-regels, meldingen in apps of formulieren, en antwoorden op verzoeken van betrokkenen.",
    ],
    intro_readers: "De functionaris voor gegevensbescherming en de juridische of compliancemedewerkers die verantwoordelijk zijn voor de verklaring. Een externe auditor of een medewerker van een toezichthouder kan het rapport als gestructureerd vertrekpunt gebruiken. Hoofdstuk 1 is zelfstandig leesbaar; hoofdstuk 7 en de bijlagen zijn bedoeld voor lezers die de bevindingen aan de tekst willen toetsen.",
    h_checklist_annex: "Bijlage A — Toetsingslijst",
    checklist_intro: "De informatie die de artikelen 13 en 14 AVG vereisen, in de volgorde van het schema bij de richtsnoeren WP260, met het artikel voor gegevens die bij de betrokkene zelf worden verzameld (artikel 13) en voor gegevens die op een andere manier zijn verkregen (artikel 14), het eindoordeel en de vindplaats. Onderdelen van goede praktijk staan aan het eind.",
    c_required_info: "Vereiste informatie",
    c_art13: "Artikel 13",
    c_art14: "Artikel 14",
    c_comment: "Wat het onderdeel vraagt",
    h_good_practice: "Positieve bevindingen",
    good_practice_none: "Aan geen enkel kernonderdeel wordt volledig voldaan.",
    legend_short: "Legenda: ✓ Voldoet · ◐ Onvoldoende duidelijk · → Alleen via verwijzing · ✗ Ontbreekt · – Niet van toepassing · ? Niet vast te stellen (definities in hoofdstuk 4 en bijlage C).",
    full_text_in_annex: "volledige tekst in bijlage B",
    c_passage: "Passage (letterlijk)",
    b_applies: "Van toepassing",
};

/// A retention period in the report language ("7 years" / "7 jaar").
pub fn duration(lang: ReportLang, d: &crate::extract::values::Duration) -> String {
    if lang == ReportLang::En {
        return d.to_string();
    }
    let one = d.amount == 1;
    let unit = match d.unit {
        "minute" => {
            if one {
                "minuut"
            } else {
                "minuten"
            }
        }
        "hour" => "uur",
        "day" => {
            if one {
                "dag"
            } else {
                "dagen"
            }
        }
        "week" => {
            if one {
                "week"
            } else {
                "weken"
            }
        }
        "month" => {
            if one {
                "maand"
            } else {
                "maanden"
            }
        }
        "year" => "jaar",
        other => other,
    };
    format!("{} {unit}", d.amount)
}

/// Dutch ordinal for a paragraph number ("eerste lid").
fn ordinal_nl(n: u32) -> Option<&'static str> {
    Some(match n {
        1 => "eerste",
        2 => "tweede",
        3 => "derde",
        4 => "vierde",
        5 => "vijfde",
        6 => "zesde",
        7 => "zevende",
        8 => "achtste",
        9 => "negende",
        10 => "tiende",
        _ => return None,
    })
}

/// One GDPR citation part as the AP writes it: `13(1)(c)` → `artikel 13, eerste lid, onder c`.
fn cite_part_nl(part: &str) -> Option<String> {
    let part = part.trim();
    let (article, rest) = match part.find('(') {
        Some(i) => (&part[..i], &part[i..]),
        None => (part, ""),
    };
    let article: u32 = article.parse().ok()?;
    let mut out = format!("artikel {article}");
    let mut groups = Vec::new();
    let mut r = rest;
    while let Some(stripped) = r.strip_prefix('(') {
        let end = stripped.find(')')?;
        groups.push(&stripped[..end]);
        r = &stripped[end + 1..];
    }
    if !r.is_empty() {
        return None;
    }
    if let Some(lid) = groups.first() {
        let n: u32 = lid.parse().ok()?;
        out.push_str(&format!(", {} lid", ordinal_nl(n)?));
    }
    if let Some(point) = groups.get(1) {
        if !point.chars().all(|c| c.is_ascii_lowercase()) || groups.len() > 2 {
            return None;
        }
        out.push_str(&format!(", onder {point}"));
    }
    Some(out)
}

/// A catalogue article reference (`13(1)(a), 14(1)(a)`) in the citation style of the
/// report language: `Art. 13(1)(a), 14(1)(a) GDPR` or `artikel 13, eerste lid, onder a, en
/// artikel 14, eerste lid, onder a, AVG`. Ranges (`21(2)-(4)`), recitals, the ePrivacy
/// Directive, the Dutch Telecommunications Act and WP260 are cited in the same style;
/// segments separated by `;` stay separate.
pub fn cite(lang: ReportLang, article: &str) -> String {
    let is_ref = |p: &str| {
        p.chars().next().is_some_and(|c| c.is_ascii_digit())
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '-'))
    };
    let mut out: Vec<String> = Vec::new();
    for segment in article.split(';').map(str::trim).filter(|x| !x.is_empty()) {
        let (gdpr, body) = match segment.strip_prefix("GDPR ") {
            Some(b) => (true, b.trim()),
            None => (false, segment),
        };
        if !gdpr && !is_ref(body.split(',').next().unwrap_or("").trim()) {
            out.push(cite_other(lang, segment));
            continue;
        }
        let parts: Vec<&str> = body.split(',').map(str::trim).collect();
        let refs: Vec<&str> = parts.iter().copied().filter(|p| is_ref(p)).collect();
        if !refs.is_empty() {
            out.push(cite_gdpr(lang, &refs));
        }
        for other in parts.iter().copied().filter(|p| !is_ref(p)) {
            out.push(cite_other(lang, other));
        }
    }
    out.join("; ")
}

/// GDPR article references as one citation.
fn cite_gdpr(lang: ReportLang, refs: &[&str]) -> String {
    match lang {
        ReportLang::En => format!("Art. {} GDPR", refs.join(", ").replace(")-(", ")–(")),
        ReportLang::Nl => {
            let owned: Vec<String> = refs.iter().map(|r| r.to_string()).collect();
            let list = cite_list_nl(&owned);
            let last = list.rsplit("artikel ").next().unwrap_or("");
            if last.contains(',') {
                format!("{list}, AVG")
            } else {
                format!("{list} AVG")
            }
        }
    }
}

/// A reference outside the GDPR's articles, in the report language.
fn cite_other(lang: ReportLang, r: &str) -> String {
    let en = lang == ReportLang::En;
    if let Some(n) = r.strip_prefix("Recital ") {
        return if en {
            format!("Recital {n} GDPR")
        } else {
            format!("overweging {n} AVG")
        };
    }
    if let Some(a) = r.strip_prefix("ePrivacy ") {
        return if en {
            format!("Art. {a} ePrivacy Directive")
        } else {
            let part = cite_part_nl(a).unwrap_or_else(|| format!("artikel {a}"));
            format!("{part}, e-privacyrichtlijn")
        };
    }
    if let Some(a) = r.strip_prefix("Telecommunicatiewet ") {
        return if en {
            format!("Art. {a} Dutch Telecommunications Act")
        } else {
            format!("artikel {a} Telecommunicatiewet")
        };
    }
    if en {
        r.to_string()
    } else {
        r.replace("on changes", "over wijzigingen")
    }
}

/// A run of paragraphs or points as the catalogue writes it: one (`(2)`, from = to) or a
/// range (`(2)-(4)`).
type Run<T> = (T, T);

/// Paragraph run (`(0, 0)` = none) → point runs, in order of first mention.
type Paragraphs = Vec<(Run<u32>, Vec<Run<char>>)>;

/// One GDPR reference split into article, paragraph run and point run:
/// `21(2)-(4)` → `(21, (2, 4), None)`, `13(2)(b)-(d)` → `(13, (2, 2), Some(('b', 'd')))`,
/// `15` → `(15, (0, 0), None)`. `None` for anything else (recitals, `11.7a`, a paragraph
/// range with points, a backward range, a paragraph without a Dutch ordinal).
fn parse_ref(r: &str) -> Option<(u32, Run<u32>, Option<Run<char>>)> {
    let (art, mut rest) = match r.find('(') {
        Some(i) => (&r[..i], &r[i..]),
        None => (r, ""),
    };
    let art: u32 = art.parse().ok()?;
    // Groups in order, each with whether it ends a range (`-(` before it).
    let mut groups: Vec<(&str, bool)> = Vec::new();
    let mut dash = false;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('-') {
            if dash || groups.is_empty() {
                return None;
            }
            dash = true;
            rest = r;
            continue;
        }
        let inner = rest.strip_prefix('(')?;
        let end = inner.find(')')?;
        groups.push((&inner[..end], dash));
        dash = false;
        rest = &inner[end + 1..];
    }
    if dash {
        return None;
    }
    // Fold range ends into the group before them: [(from, to)].
    let mut levels: Vec<(&str, &str)> = Vec::new();
    for (g, ends_range) in groups {
        match levels.last_mut() {
            Some(last) if ends_range => last.1 = g,
            _ if ends_range => return None,
            _ => levels.push((g, g)),
        }
    }
    let lid = match levels.first() {
        None => (0, 0),
        Some((a, b)) => {
            let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            if a == 0 || a > b || ordinal_nl(a).is_none() || ordinal_nl(b).is_none() {
                return None;
            }
            (a, b)
        }
    };
    let point = match levels.get(1) {
        None => None,
        Some((a, b)) => {
            let letter = |x: &str| {
                let mut c = x.chars();
                match (c.next(), c.next()) {
                    (Some(l), None) if l.is_ascii_lowercase() => Some(l),
                    _ => None,
                }
            };
            let (a, b) = (letter(a)?, letter(b)?);
            if a > b || lid.0 != lid.1 {
                return None;
            }
            Some((a, b))
        }
    };
    if levels.len() > 2 {
        return None;
    }
    Some((art, lid, point))
}

/// The words for runs of paragraphs or points joined with "en": a run of three or more is
/// one range ("tweede tot en met vierde", "b tot en met d"), shorter runs are listed
/// ("eerste en tweede").
fn runs_nl<T: Copy + Ord>(
    runs: &[Run<T>],
    word: impl Fn(T) -> String,
    next: impl Fn(T) -> T,
) -> String {
    let mut items: Vec<String> = Vec::new();
    for &(from, to) in runs {
        let (second, third) = (next(from), next(next(from)));
        if from != to && second != to && third <= to {
            items.push(format!("{} tot en met {}", word(from), word(to)));
        } else {
            items.push(word(from));
            if from != to {
                items.push(word(to));
            }
        }
    }
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} en {last}", init.join(", ")),
    }
}

/// Dutch paragraph runs: `[(1, 1), (4, 4)]` → "eerste en vierde", `[(2, 4)]` → "tweede tot
/// en met vierde".
fn paragraphs_nl(runs: &[Run<u32>]) -> String {
    runs_nl(
        runs,
        |n| ordinal_nl(n).unwrap_or_default().to_string(),
        |n| n + 1,
    )
}

/// Point runs: `[('b', 'b'), ('e', 'e')]` → "b en e", `[('b', 'd')]` → "b tot en met d".
fn points_nl(runs: &[Run<char>]) -> String {
    runs_nl(
        runs,
        |c| c.to_string(),
        |c| char::from_u32(c as u32 + 1).unwrap_or(c),
    )
}

/// Several GDPR references as one Dutch citation in the AP style, grouping points of the
/// same paragraph and paragraphs of the same article: `13(1)(c)`, `13(2)(b)`, `13(2)(e)`
/// → `artikel 13, eerste lid, onder c, en tweede lid, onder b en e`. A range as the
/// catalogue writes it is cited as one: `21(2)-(4)` → `artikel 21, tweede tot en met
/// vierde lid`, `13(2)(b)-(d)` → `artikel 13, tweede lid, onder b tot en met d`. Without
/// the closing "AVG", so the caller can add "in samenhang met …".
pub fn cite_list_nl(refs: &[String]) -> String {
    // article → paragraph run → point runs; references that do not parse are kept.
    let mut grouped: Vec<(u32, Paragraphs)> = Vec::new();
    let mut other: Vec<String> = Vec::new();
    for r in refs {
        let r = r.trim();
        let Some((art, lid, point)) = parse_ref(r) else {
            other.push(format!("artikel {r}"));
            continue;
        };
        let a = match grouped.iter().position(|(x, _)| *x == art) {
            Some(i) => i,
            None => {
                grouped.push((art, Vec::new()));
                grouped.len() - 1
            }
        };
        let lids = &mut grouped[a].1;
        let l = match lids.iter().position(|(x, _)| *x == lid) {
            Some(i) => i,
            None => {
                lids.push((lid, Vec::new()));
                lids.len() - 1
            }
        };
        if let Some(p) = point
            && !lids[l].1.contains(&p)
        {
            lids[l].1.push(p);
        }
    }
    let mut articles: Vec<String> = grouped
        .iter()
        .map(|(art, lids)| {
            // Paragraphs without points run together: "eerste en vierde lid".
            let mut parts: Vec<String> = Vec::new();
            let mut bare: Vec<Run<u32>> = Vec::new();
            let flush = |bare: &mut Vec<Run<u32>>, parts: &mut Vec<String>| {
                if !bare.is_empty() {
                    parts.push(format!("{} lid", paragraphs_nl(bare)));
                    bare.clear();
                }
            };
            for (lid, points) in lids {
                match (lid.0, points.is_empty()) {
                    (0, true) => {}
                    (0, false) => {
                        flush(&mut bare, &mut parts);
                        parts.push(format!("onder {}", points_nl(points)));
                    }
                    (_, true) => bare.push(*lid),
                    (_, false) => {
                        flush(&mut bare, &mut parts);
                        parts.push(format!(
                            "{} lid, onder {}",
                            paragraphs_nl(&[*lid]),
                            points_nl(points)
                        ));
                    }
                }
            }
            flush(&mut bare, &mut parts);
            if parts.is_empty() {
                format!("artikel {art}")
            } else {
                format!("artikel {art}, {}", parts.join(", en "))
            }
        })
        .collect();
    articles.extend(other);
    match articles.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        // "artikel 8 en artikel 12, eerste lid", but "artikel 13, eerste lid, onder a, en
        // artikel 14, …": a comma before "en" only after a reference with commas.
        Some((last, init)) => {
            let comma = init.last().is_some_and(|a| a.contains(','));
            format!(
                "{}{} en {last}",
                init.join(", "),
                if comma { "," } else { "" }
            )
        }
    }
}

/// The subject groups of the per-requirement findings, in report order: (key, English
/// title, Dutch title).
pub const GROUPS: &[(&str, &str, &str)] = &[
    (
        "identity",
        "Identity and contact details",
        "Identiteit en contactgegevens",
    ),
    (
        "purposes",
        "Purposes and legal bases",
        "Doeleinden en grondslagen",
    ),
    (
        "recipients",
        "Recipients and transfers",
        "Ontvangers en doorgifte",
    ),
    ("retention", "Retention", "Bewaartermijnen"),
    (
        "rights",
        "Rights of data subjects",
        "Rechten van betrokkenen",
    ),
    (
        "obligation",
        "Obligation to provide data",
        "Verplichting tot verstrekking",
    ),
    (
        "automated",
        "Automated decision-making",
        "Geautomatiseerde besluitvorming",
    ),
    (
        "art14",
        "Data not obtained from the data subject (Article 14)",
        "Gegevens die niet bij de betrokkene zijn verkregen (artikel 14)",
    ),
    (
        "other",
        "Other items and good practice",
        "Overige onderdelen en goede praktijk",
    ),
];

/// The title of a finding group in the report language.
pub fn group_title(lang: ReportLang, key: &str) -> &'static str {
    GROUPS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, en, nl)| match lang {
            ReportLang::En => en,
            ReportLang::Nl => nl,
        })
}

/// What an item asks of a statement, in plain words: (id, English, Dutch).
pub static NORMS: &[(&str, &str, &str)] = &[
    (
        "controller-identity",
        "The statement has to say who the controller is — the organisation that decides why and how the data is processed — by its legal name.",
        "De verklaring moet vermelden wie de verwerkingsverantwoordelijke is — de organisatie die bepaalt waarom en hoe de gegevens worden verwerkt — met haar juridische naam.",
    ),
    (
        "controller-contact",
        "The statement has to tell people how to reach the controller, for example by post, by e-mail or through a web form.",
        "De verklaring moet vermelden hoe betrokkenen de verwerkingsverantwoordelijke kunnen bereiken, bijvoorbeeld per post, per e-mail of via een webformulier.",
    ),
    (
        "dpo-contact",
        "Where a data protection officer has been designated, the statement has to give a way to reach that officer directly.",
        "Als er een functionaris voor gegevensbescherming is aangewezen, moet de verklaring vermelden hoe die functionaris rechtstreeks te bereiken is.",
    ),
    (
        "eu-representative",
        "A controller without an establishment in the Union has to name the representative it appointed there (Article 27 GDPR) and say how to reach it.",
        "Een verwerkingsverantwoordelijke zonder vestiging in de Unie moet de vertegenwoordiger noemen die hij daar heeft aangewezen (artikel 27 AVG) en vermelden hoe die te bereiken is.",
    ),
    (
        "purposes",
        "The statement has to explain what the data is used for, concretely enough that a reader understands what happens to it.",
        "De verklaring moet uitleggen waarvoor de gegevens worden gebruikt, zo concreet dat een lezer begrijpt wat ermee gebeurt.",
    ),
    (
        "legal-basis",
        "The statement has to name the ground in Article 6(1) GDPR on which the processing rests.",
        "De verklaring moet de grond uit artikel 6, eerste lid, AVG noemen waarop de verwerking rust.",
    ),
    (
        "purpose-basis-mapping",
        "Where there are several purposes or grounds, a reader has to be able to tell which ground supports which purpose.",
        "Bij meerdere doeleinden of grondslagen moet een lezer kunnen zien welke grondslag bij welk doeleinde hoort.",
    ),
    (
        "legitimate-interests",
        "Where processing rests on legitimate interests, the statement has to say what those interests are.",
        "Waar een verwerking op gerechtvaardigde belangen rust, moet de verklaring vermelden welke belangen dat zijn.",
    ),
    (
        "recipients",
        "The statement has to say who receives the data, by name or by categories of recipients described in a way that means something to the reader.",
        "De verklaring moet vermelden wie de gegevens ontvangen, met naam of in categorieën ontvangers die voor de lezer iets betekenen.",
    ),
    (
        "transfers",
        "If data goes to a country outside the EEA or to an international organisation, the statement has to say so.",
        "Als gegevens naar een land buiten de EER of naar een internationale organisatie gaan, moet de verklaring dat vermelden.",
    ),
    (
        "transfer-safeguards",
        "For such transfers the statement has to say whether an adequacy decision covers them or which safeguards are relied on, and how a copy of those safeguards can be obtained.",
        "Bij zo'n doorgifte moet de verklaring vermelden of een adequaatheidsbesluit haar dekt of op welke passende waarborgen wordt gesteund, en hoe een kopie van die waarborgen kan worden verkregen.",
    ),
    (
        "retention",
        "The statement has to say how long the data is kept or, where no fixed period can be given, which criteria set the period.",
        "De verklaring moet vermelden hoe lang de gegevens worden bewaard of, als geen vaste termijn te geven is, welke criteria de termijn bepalen.",
    ),
    (
        "right-access",
        "The statement has to tell people that they can ask to see the data held about them.",
        "De verklaring moet betrokkenen erop wijzen dat zij kunnen vragen de gegevens over hen in te zien.",
    ),
    (
        "right-rectification",
        "The statement has to tell people that they can have wrong data corrected and incomplete data completed.",
        "De verklaring moet betrokkenen erop wijzen dat zij onjuiste gegevens kunnen laten verbeteren en onvolledige laten aanvullen.",
    ),
    (
        "right-erasure",
        "The statement has to tell people that they can ask for their data to be deleted.",
        "De verklaring moet betrokkenen erop wijzen dat zij kunnen verzoeken hun gegevens te wissen.",
    ),
    (
        "right-restriction",
        "The statement has to tell people that they can ask for the processing to be restricted.",
        "De verklaring moet betrokkenen erop wijzen dat zij om beperking van de verwerking kunnen vragen.",
    ),
    (
        "right-portability",
        "The statement has to tell people that they can get the data they supplied in a reusable format and have it passed on to another controller.",
        "De verklaring moet betrokkenen erop wijzen dat zij de gegevens die zij zelf hebben aangeleverd in een herbruikbaar formaat kunnen krijgen en aan een andere verwerkingsverantwoordelijke kunnen laten doorgeven.",
    ),
    (
        "right-object",
        "The statement has to point out the right to object, explicitly and apart from the other information.",
        "De verklaring moet uitdrukkelijk en los van de overige informatie wijzen op het recht van bezwaar.",
    ),
    (
        "right-object-marketing",
        "Where data is used for direct marketing, the statement has to say that people can object to that at any moment.",
        "Waar gegevens voor direct marketing worden gebruikt, moet de verklaring vermelden dat betrokkenen daartegen op elk moment bezwaar kunnen maken.",
    ),
    (
        "right-withdraw-consent",
        "Where processing rests on consent, the statement has to say that the consent can be withdrawn at any moment.",
        "Waar een verwerking op toestemming rust, moet de verklaring vermelden dat die toestemming op elk moment kan worden ingetrokken.",
    ),
    (
        "right-complaint",
        "The statement has to tell people that they can complain to a supervisory authority.",
        "De verklaring moet betrokkenen erop wijzen dat zij een klacht kunnen indienen bij een toezichthoudende autoriteit.",
    ),
    (
        "rights-how-to-exercise",
        "Good practice in line with Article 12(2) GDPR: the statement explains how people can use their rights in practice.",
        "Goede praktijk in lijn met artikel 12, tweede lid, AVG: de verklaring legt uit hoe betrokkenen hun rechten in de praktijk kunnen gebruiken.",
    ),
    (
        "statutory-contractual-requirement",
        "The statement has to say whether people are obliged to supply their data (by law, by contract or to enter into a contract) and what follows if they do not.",
        "De verklaring moet vermelden of betrokkenen verplicht zijn hun gegevens te verstrekken (op grond van de wet, een overeenkomst of om een overeenkomst te sluiten) en wat er volgt als zij dat niet doen.",
    ),
    (
        "automated-decision-making",
        "If decisions are taken solely by automated means, profiling included, the statement has to say so and explain the logic and the expected consequences for the person.",
        "Als besluiten uitsluitend geautomatiseerd worden genomen, profilering inbegrepen, moet de verklaring dat vermelden en de logica en de verwachte gevolgen voor de betrokkene uitleggen.",
    ),
    (
        "data-categories",
        "Where data is not collected from the person, the statement has to list the categories of data concerned.",
        "Waar gegevens niet bij de betrokkene zelf worden verzameld, moet de verklaring de categorieën gegevens noemen waar het om gaat.",
    ),
    (
        "data-sources",
        "Where data is not collected from the person, the statement has to say where it comes from, including whether the source is public.",
        "Waar gegevens niet bij de betrokkene zelf worden verzameld, moet de verklaring vermelden waar zij vandaan komen, ook of de bron openbaar is.",
    ),
    (
        "cookies-tracking",
        "Good practice, and required by the ePrivacy rules where they apply: the statement describes the cookies and similar techniques that read or store information on the device.",
        "Goede praktijk, en voorgeschreven door de ePrivacy-regels waar die gelden: de verklaring beschrijft de cookies en vergelijkbare technieken die informatie op het apparaat lezen of opslaan.",
    ),
    (
        "children",
        "Good practice: where children use the service, the statement addresses them, names the age limit and explains how parental consent is handled.",
        "Goede praktijk: als kinderen de dienst gebruiken, richt de verklaring zich ook tot hen, noemt zij de leeftijdsgrens en legt zij uit hoe toestemming van ouders wordt geregeld.",
    ),
    (
        "special-categories",
        "Health, biometric, religious and other special categories of data may only be processed under an exception of Article 9(2) GDPR, and the statement has to name the one relied on.",
        "Gezondheidsgegevens, biometrische gegevens, gegevens over godsdienst en andere bijzondere persoonsgegevens mogen alleen worden verwerkt op grond van een uitzondering van artikel 9 lid 2 AVG, en de verklaring moet die uitzondering noemen.",
    ),
    (
        "joint-controllers",
        "Where controllers decide together, the essence of their arrangement, who does what towards the data subjects, has to be made available to them (Article 26(2) GDPR).",
        "Als verwerkingsverantwoordelijken samen beslissen, moet de wezenlijke inhoud van hun regeling, wie wat doet tegenover betrokkenen, voor betrokkenen beschikbaar zijn (artikel 26 lid 2 AVG).",
    ),
    (
        "changes-notice",
        "Good practice: the statement says how people will learn about changes to it.",
        "Goede praktijk: de verklaring vermeldt hoe betrokkenen van wijzigingen op de hoogte worden gebracht.",
    ),
    (
        "last-updated",
        "Good practice: the statement shows when it was last revised.",
        "Goede praktijk: de verklaring toont wanneer zij voor het laatst is herzien.",
    ),
];

/// What an item asks of a statement, in the report language.
pub fn norm(lang: ReportLang, id: &str) -> Option<&'static str> {
    NORMS
        .iter()
        .find(|(k, _, _)| *k == id)
        .map(|(_, en, nl)| match lang {
            ReportLang::En => *en,
            ReportLang::Nl => *nl,
        })
}

/// The one-sentence finding of an item, in the formal style of the authorities ("The
/// information required by Article 13(2)(a) GDPR is not provided." / "De informatie bedoeld
/// in artikel 13, tweede lid, onder a, AVG wordt niet verstrekt."). `citation` is the
/// item's reference in the report language; `good_practice` marks items that go beyond
/// Articles 13 and 14.
pub fn finding_sentence(
    lang: ReportLang,
    status: Status,
    citation: &str,
    good_practice: bool,
) -> String {
    let en = lang == ReportLang::En;
    if good_practice {
        return match (en, status) {
            (true, Status::Met) => {
                format!("The statement follows this good practice ({citation}).")
            }
            (true, Status::Vague) => format!(
                "The statement takes up this good practice ({citation}), but not specifically enough."
            ),
            (true, Status::ByReference) => format!(
                "The statement does not itself follow this good practice ({citation}); it refers the reader elsewhere."
            ),
            (true, Status::Missing) => {
                format!("The statement does not follow this good practice ({citation}).")
            }
            (true, Status::NotApplicable) => format!(
                "No finding: the condition under which this good practice ({citation}) applies does not arise."
            ),
            (true, Status::Undetermined) => format!(
                "Whether this good practice ({citation}) applies could not be established from the documents examined; this item requires manual review."
            ),
            (false, Status::Met) => {
                format!("De verklaring volgt deze goede praktijk ({citation}).")
            }
            (false, Status::Vague) => format!(
                "De verklaring gaat in op deze goede praktijk ({citation}), maar niet specifiek genoeg."
            ),
            (false, Status::ByReference) => format!(
                "De verklaring volgt deze goede praktijk ({citation}) niet zelf, maar verwijst de lezer naar elders."
            ),
            (false, Status::Missing) => {
                format!("De verklaring volgt deze goede praktijk ({citation}) niet.")
            }
            (false, Status::NotApplicable) => format!(
                "Geen bevinding: de voorwaarde waaronder deze goede praktijk ({citation}) van toepassing is, doet zich niet voor."
            ),
            (false, Status::Undetermined) => format!(
                "Op basis van de onderzochte documenten kon niet worden vastgesteld of deze goede praktijk ({citation}) van toepassing is; dit onderdeel vraagt om handmatige beoordeling."
            ),
        };
    }
    // In a sentence the English citation is written out: "Article 13(2)(a) GDPR",
    // "Articles 13(1)(a), 14(1)(a) GDPR".
    let long;
    let mut applies = "applies";
    let citation = match citation.strip_prefix("Art. ") {
        Some(rest) if en => {
            let several = rest.split(" GDPR").next().is_some_and(|r| r.contains(','));
            if several {
                applies = "apply";
            }
            long = format!("{} {rest}", if several { "Articles" } else { "Article" });
            long.as_str()
        }
        _ => citation,
    };
    match (en, status) {
        (true, Status::Met) => {
            format!("The information required by {citation} is provided in the statement itself.")
        }
        (true, Status::Vague) => format!(
            "The information required by {citation} is provided, but not in a sufficiently specific form."
        ),
        (true, Status::ByReference) => format!(
            "The information required by {citation} is not provided in the statement itself; the data subject is referred elsewhere for it."
        ),
        (true, Status::Missing) => {
            format!("The information required by {citation} is not provided.")
        }
        (true, Status::NotApplicable) => {
            format!("No finding: the condition under which {citation} {applies} does not arise.")
        }
        (true, Status::Undetermined) => format!(
            "Whether the information required by {citation} is provided could not be established from the documents examined; this item requires manual review."
        ),
        (false, Status::Met) => {
            format!("De informatie bedoeld in {citation} wordt in de verklaring zelf verstrekt.")
        }
        (false, Status::Vague) => format!(
            "De informatie bedoeld in {citation} wordt verstrekt, maar onvoldoende duidelijk."
        ),
        (false, Status::ByReference) => format!(
            "De informatie bedoeld in {citation} wordt niet in de verklaring zelf verstrekt; de betrokkene wordt daarvoor naar elders verwezen."
        ),
        (false, Status::Missing) => {
            format!("De informatie bedoeld in {citation} wordt niet verstrekt.")
        }
        (false, Status::NotApplicable) => format!(
            "Geen bevinding: de voorwaarde waaronder {citation} van toepassing is, doet zich niet voor."
        ),
        (false, Status::Undetermined) => format!(
            "Op basis van de onderzochte documenten kon niet worden vastgesteld of de informatie bedoeld in {citation} wordt verstrekt; dit onderdeel vraagt om handmatige beoordeling."
        ),
    }
}

/// A link from the statement: its text, target and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef<'a> {
    pub text: &'a str,
    pub href: &'a str,
    pub line: usize,
}

/// Where the information of one item sits and how the reader reaches it, as the model
/// established it.
#[derive(Debug, Clone)]
pub struct Delivery<'a> {
    pub status: Status,
    /// Section headings (as printed) of the quoted passages in the statement; `None` when
    /// no passage is in the statement, an empty heading for text before the first heading.
    pub statement_headings: Option<Vec<String>>,
    /// Short names of the other documents holding quoted passages (`D2`, …).
    pub other_documents: Vec<String>,
    /// Links in the statement that lead to the information.
    pub links: Vec<LinkRef<'a>>,
}

fn quoted_list(lang: ReportLang, items: &[String]) -> String {
    let q: Vec<String> = items.iter().map(|h| format!("“{h}”")).collect();
    let and = match lang {
        ReportLang::En => "and",
        ReportLang::Nl => "en",
    };
    match q.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} {and} {last}", init.join(", ")),
    }
}

/// "How it is provided" of a finding block.
pub fn delivery_text(lang: ReportLang, d: &Delivery) -> String {
    let en = lang == ReportLang::En;
    let mut parts: Vec<String> = Vec::new();
    if let Some(headings) = &d.statement_headings {
        let named: Vec<String> = headings.iter().filter(|h| !h.is_empty()).cloned().collect();
        let before_first = headings.iter().any(String::is_empty);
        parts.push(match (en, named.is_empty(), named.len()) {
            (true, true, _) => {
                "In the statement itself (D1), before its first heading.".to_string()
            }
            (true, false, 1) => format!(
                "In the statement itself (D1), under the heading {}.",
                quoted_list(lang, &named)
            ),
            (true, false, _) => format!(
                "In the statement itself (D1), under the headings {}.",
                quoted_list(lang, &named)
            ),
            (false, true, _) => "In de verklaring zelf (D1), vóór de eerste kop.".to_string(),
            (false, false, 1) => format!(
                "In de verklaring zelf (D1), onder de kop {}.",
                quoted_list(lang, &named)
            ),
            (false, false, _) => format!(
                "In de verklaring zelf (D1), onder de koppen {}.",
                quoted_list(lang, &named)
            ),
        });
        if before_first && !named.is_empty() {
            parts.push(if en {
                "Part of it comes before the first heading.".to_string()
            } else {
                "Een deel staat vóór de eerste kop.".to_string()
            });
        }
    }
    if !d.other_documents.is_empty() {
        let docs = d.other_documents.join(", ");
        parts.push(match (en, d.statement_headings.is_some()) {
            (true, false) => format!("Not in the statement itself, but on a separate help page supplied with it ({docs})."),
            (true, true) => format!("Also on a separate help page supplied with the statement ({docs})."),
            (false, false) => format!("Niet in de verklaring zelf, maar op een afzonderlijke hulppagina die ermee is aangeleverd ({docs})."),
            (false, true) => format!("Ook op een afzonderlijke hulppagina die met de verklaring is aangeleverd ({docs})."),
        });
    }
    if !d.links.is_empty() {
        let links: Vec<String> = d
            .links
            .iter()
            .map(|l| {
                if en {
                    format!("“{}” → {} (D1, line {})", l.text, l.href, l.line)
                } else {
                    format!("“{}” → {} (D1, regel {})", l.text, l.href, l.line)
                }
            })
            .collect();
        parts.push(if en {
            format!(
                "The statement leads there through a link: {}.",
                links.join("; ")
            )
        } else {
            format!(
                "De verklaring leidt ernaartoe met een link: {}.",
                links.join("; ")
            )
        });
    }
    if d.status == Status::ByReference {
        if d.other_documents.is_empty() {
            parts.push(if en {
                "The passage points to another page instead of giving the information; that page was not part of the review.".to_string()
            } else {
                "De passage verwijst naar een andere pagina in plaats van de informatie te geven; die pagina viel buiten de toetsing.".to_string()
            });
        } else if d.links.is_empty() {
            parts.push(if en {
                "No link from the statement to that page was found.".to_string()
            } else {
                "In de verklaring is geen link naar die pagina aangetroffen.".to_string()
            });
        }
    }
    if parts.is_empty() {
        parts.push(match (en, d.status) {
            (true, Status::NotApplicable) => {
                "Nothing has to be provided while the condition does not arise.".to_string()
            }
            (false, Status::NotApplicable) => {
                "Zolang de voorwaarde zich niet voordoet, hoeft niets te worden verstrekt."
                    .to_string()
            }
            (true, _) => "Not found in any of the documents examined.".to_string(),
            (false, _) => "In geen van de onderzochte documenten aangetroffen.".to_string(),
        });
    }
    parts.join(" ")
}

/// What the analysis measured that bears on Article 12(1): the facts behind chapter 4.3.
#[derive(Debug, Clone, Default)]
pub struct FormFacts {
    pub words: usize,
    pub sections: usize,
    pub sentences: usize,
    /// Sentences with hedging or conditional wording.
    pub hedged: usize,
    /// Sentences with open-ended enumerations.
    pub open_lists: usize,
    /// Sentences the analysis tied to a core item, and how many of them are hedged.
    pub core_sentences: usize,
    pub core_hedged: usize,
    /// The check on hedging in the description of purposes fired.
    pub hedge_check: Option<String>,
    pub help_pages: usize,
    /// Titles of the items found only outside the statement.
    pub by_reference: Vec<String>,
    pub conflicts: usize,
    pub links: usize,
    pub blocks: usize,
    pub other_language_blocks: usize,
    pub purpose_table: bool,
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The observations of chapter 4.3, one paragraph each.
pub fn form_observations(lang: ReportLang, f: &FormFacts) -> Vec<String> {
    let mut out = Vec::new();
    let en = lang == ReportLang::En;
    // Length and structure.
    out.push(match (en, f.sections) {
        (true, 0) => format!("The statement (D1) runs to {} words and has no headings that would help a reader find a given item.", f.words),
        (true, n) => format!("The statement (D1) runs to {} words in {n} headed {}.", f.words, plural(n, "section", "sections")),
        (false, 0) => format!("De verklaring (D1) telt {} woorden en heeft geen koppen die een lezer helpen een bepaald onderdeel te vinden.", f.words),
        (false, n) => format!("De verklaring (D1) telt {} woorden, verdeeld over {n} {} met een kop.", f.words, plural(n, "onderdeel", "onderdelen")),
    });
    // Hedged wording.
    if f.sentences > 0 {
        let mut p = if en {
            format!(
                "{} of its {} sentences {} hedging or conditional wording, and {} {} an open-ended enumeration. Of the {} sentences the analysis tied to the core items, {} {} hedged or conditional.",
                f.hedged,
                f.sentences,
                plural(f.hedged, "contains", "contain"),
                f.open_lists,
                plural(f.open_lists, "uses", "use"),
                f.core_sentences,
                f.core_hedged,
                plural(f.core_hedged, "is", "are")
            )
        } else {
            format!(
                "Van de {} zinnen {} er {} voorbehouden of voorwaardelijke formuleringen, en {} een open opsomming. Van de {} zinnen die de analyse aan de kernonderdelen heeft gekoppeld, {} er {} voorwaardelijk of met een voorbehoud geformuleerd.",
                f.sentences,
                plural(f.hedged, "bevat", "bevatten"),
                f.hedged,
                f.open_lists,
                f.core_sentences,
                plural(f.core_hedged, "is", "zijn"),
                f.core_hedged
            )
        };
        if let Some(rule) = &f.hedge_check {
            p.push_str(&if en {
                format!(" In the description of purposes such wording is dense enough to trigger the check {rule}.")
            } else {
                format!(" In de beschrijving van de doeleinden komt zulke taal zo vaak voor dat de controle {rule} aansloeg.")
            });
        }
        out.push(p);
    }
    // Layers and dispersal.
    let mut p = match (en, f.help_pages) {
        (true, 0) => {
            "No help page was supplied with the statement, so only one layer was examined."
                .to_string()
        }
        (true, n) => format!(
            "{n} help {} supplied with the statement {} examined as {}.",
            plural(n, "page", "pages"),
            plural(n, "was", "were"),
            plural(n, "a further layer", "further layers")
        ),
        (false, 0) => {
            "Met de verklaring is geen hulppagina aangeleverd; er is dus één laag onderzocht."
                .to_string()
        }
        (false, n) => format!(
            "{n} met de verklaring aangeleverde {} als verdere laag onderzocht.",
            plural(n, "hulppagina is", "hulppagina's zijn")
        ),
    };
    if f.by_reference.is_empty() {
        p.push_str(if en {
            " No item is found only outside the statement itself."
        } else {
            " Geen enkel onderdeel staat alleen buiten de verklaring zelf."
        });
    } else {
        let n = f.by_reference.len();
        let list = f.by_reference.join("; ");
        p.push_str(&if en {
            format!(" For {n} {} the reader has to leave the statement to find the information ({list}); see 7.5.", plural(n, "item", "items"))
        } else {
            format!(" Voor {n} {} moet de lezer de verklaring verlaten om de informatie te vinden ({list}); zie 7.5.", plural(n, "onderdeel", "onderdelen"))
        });
    }
    if f.conflicts > 0 {
        p.push_str(&if en {
            format!(
                " The layers differ on {} {} (see 7.5.2).",
                f.conflicts,
                plural(f.conflicts, "point", "points")
            )
        } else {
            format!(
                " De lagen verschillen op {} {} (zie 7.5.2).",
                f.conflicts,
                plural(f.conflicts, "punt", "punten")
            )
        });
    }
    if f.links > 0 {
        p.push_str(&if en {
            format!(
                " The statement contains {} {} to other pages.",
                f.links,
                plural(f.links, "link", "links")
            )
        } else {
            format!(
                " De verklaring bevat {} {} naar andere pagina's.",
                f.links,
                plural(f.links, "link", "links")
            )
        });
    }
    out.push(p);
    if f.purpose_table {
        out.push(if en {
            "Purposes are set out in a table together with their legal bases (see 7.4), which lets a reader see the two side by side.".to_string()
        } else {
            "De doeleinden staan in een tabel samen met hun grondslagen (zie 7.4), zodat een lezer beide naast elkaar ziet.".to_string()
        });
    }
    if f.other_language_blocks > 0 {
        out.push(if en {
            format!("{} of the statement's {} text blocks are in another language than the statement as a whole.", f.other_language_blocks, f.blocks)
        } else {
            format!("{} van de {} tekstblokken van de verklaring zijn in een andere taal gesteld dan de verklaring als geheel.", f.other_language_blocks, f.blocks)
        });
    }
    out
}

/// The terms of Annex C: (English term, Dutch term, English meaning, Dutch meaning).
pub static GLOSSARY: &[(&str, &str, &str, &str)] = &[
    (
        "controller",
        "verwerkingsverantwoordelijke",
        "The organisation that decides why and how personal data is processed.",
        "De organisatie die bepaalt waarom en hoe persoonsgegevens worden verwerkt.",
    ),
    (
        "processor",
        "verwerker",
        "An organisation that processes personal data on behalf of the controller and on its instructions.",
        "Een organisatie die persoonsgegevens namens en op aanwijzing van de verwerkingsverantwoordelijke verwerkt.",
    ),
    (
        "data subject",
        "betrokkene",
        "The living person the personal data is about.",
        "De levende persoon over wie de persoonsgegevens gaan.",
    ),
    (
        "personal data",
        "persoonsgegevens",
        "Any information that relates to a person who is identified or can be identified.",
        "Alle informatie over een persoon die geïdentificeerd is of geïdentificeerd kan worden.",
    ),
    (
        "recipient",
        "ontvanger",
        "Anyone to whom personal data is disclosed, inside or outside the controller's organisation.",
        "Iedereen aan wie persoonsgegevens worden verstrekt, binnen of buiten de organisatie van de verwerkingsverantwoordelijke.",
    ),
    (
        "legal basis",
        "grondslag (rechtsgrond)",
        "One of the grounds in Article 6(1) GDPR that make processing lawful, for example consent, a contract or a legal obligation.",
        "Een van de gronden in artikel 6, eerste lid, AVG die een verwerking rechtmatig maken, bijvoorbeeld toestemming, een overeenkomst of een wettelijke verplichting.",
    ),
    (
        "legitimate interest",
        "gerechtvaardigd belang",
        "The ground in Article 6(1)(f) GDPR: an interest of the controller or a third party that outweighs the interests of the data subject.",
        "De grond in artikel 6, eerste lid, onder f, AVG: een belang van de verwerkingsverantwoordelijke of een derde dat zwaarder weegt dan de belangen van de betrokkene.",
    ),
    (
        "retention period",
        "bewaartermijn",
        "How long personal data is kept before it is deleted or anonymised.",
        "Hoe lang persoonsgegevens worden bewaard voordat ze worden verwijderd of geanonimiseerd.",
    ),
    (
        "third country",
        "derde land",
        "A country outside the European Economic Area.",
        "Een land buiten de Europese Economische Ruimte.",
    ),
    (
        "adequacy decision",
        "adequaatheidsbesluit",
        "A decision of the European Commission that a third country protects personal data to a level comparable to the Union's.",
        "Een besluit van de Europese Commissie dat een derde land persoonsgegevens beschermt op een niveau dat vergelijkbaar is met dat in de Unie.",
    ),
    (
        "appropriate safeguards",
        "passende waarborgen",
        "Instruments such as standard contractual clauses or binding corporate rules that protect data sent to a third country without an adequacy decision.",
        "Instrumenten zoals modelcontractbepalingen of bindende bedrijfsvoorschriften die gegevens beschermen die naar een derde land zonder adequaatheidsbesluit gaan.",
    ),
    (
        "supervisory authority",
        "toezichthoudende autoriteit",
        "The public body that oversees compliance with the GDPR; in the Netherlands the Autoriteit Persoonsgegevens.",
        "Het overheidsorgaan dat toeziet op de naleving van de AVG; in Nederland de Autoriteit Persoonsgegevens.",
    ),
    (
        "data protection officer",
        "functionaris voor gegevensbescherming",
        "A person designated within an organisation to advise on and monitor compliance with data protection law.",
        "Een persoon die binnen een organisatie is aangewezen om te adviseren over en toe te zien op de naleving van het gegevensbeschermingsrecht.",
    ),
    (
        "profiling",
        "profilering",
        "Automated processing that evaluates personal aspects of someone, for example to predict behaviour, interests or reliability.",
        "Geautomatiseerde verwerking waarmee persoonlijke aspecten van iemand worden beoordeeld, bijvoorbeeld om gedrag, interesses of betrouwbaarheid te voorspellen.",
    ),
    (
        "layered notice",
        "gelaagde informatieverstrekking",
        "A way of informing people in which the essential information comes first and further detail is one step away, for example on linked pages.",
        "Een manier van informeren waarbij de essentiële informatie voorop staat en verdere details één stap verder liggen, bijvoorbeeld op gekoppelde pagina's.",
    ),
];

/// The report's title, naming the controller when the statement names one.
pub fn report_title(lang: ReportLang, controller: Option<&str>) -> String {
    let controller = controller.map(|c| super::grammar::name_in_sentence(lang, c));
    match (lang, controller) {
        (ReportLang::En, Some(c)) => {
            format!("Transparency assessment of the privacy statement of {c}")
        }
        (ReportLang::En, None) => strings(lang).title.to_string(),
        (ReportLang::Nl, Some(c)) => {
            format!(
                "Toetsing van de privacyverklaring van {c} aan de transparantievereisten van de AVG"
            )
        }
        (ReportLang::Nl, None) => strings(lang).title.to_string(),
    }
}

/// What a typed value shown as evidence is, in the report language (`legal-entity` →
/// "legal entity" / "rechtspersoon"). `organisation` is the name of an organisation that
/// carries no legal form (a minister, a ministry, a partnership): "organisatie".
pub fn value_label(lang: ReportLang, key: &str) -> &'static str {
    let en = lang == ReportLang::En;
    match key {
        "organisation" => {
            if en {
                "organisation"
            } else {
                "organisatie"
            }
        }
        "legal-entity" => {
            if en {
                "legal entity"
            } else {
                "rechtspersoon"
            }
        }
        "email" => {
            if en {
                "e-mail address"
            } else {
                "e-mailadres"
            }
        }
        "phone" => {
            if en {
                "telephone number"
            } else {
                "telefoonnummer"
            }
        }
        "url" => {
            if en {
                "web address"
            } else {
                "webadres"
            }
        }
        "date" => {
            if en {
                "date"
            } else {
                "datum"
            }
        }
        "duration" => {
            if en {
                "period"
            } else {
                "termijn"
            }
        }
        "country" => {
            if en {
                "country"
            } else {
                "land"
            }
        }
        "transfer-mechanism" => {
            if en {
                "transfer mechanism"
            } else {
                "doorgiftemechanisme"
            }
        }
        "legal-basis-named" => {
            if en {
                "legal basis"
            } else {
                "grondslag"
            }
        }
        "authority" => {
            if en {
                "supervisory authority"
            } else {
                "toezichthoudende autoriteit"
            }
        }
        _ => {
            if en {
                "value"
            } else {
                "waarde"
            }
        }
    }
}

/// When an item applies (the catalogue's `applies`), in the report language; a condition
/// the table does not know is shown as the catalogue writes it.
pub fn applies_text(lang: ReportLang, applies: &str) -> String {
    const TABLE: &[(&str, &str, &str)] = &[
        ("always", "Always.", "Altijd."),
        (
            "always (best practice)",
            "Always (good practice).",
            "Altijd (goede praktijk).",
        ),
        (
            "always (mandatory for data from other sources)",
            "Always (mandatory for data obtained from other sources).",
            "Altijd (verplicht voor gegevens uit andere bronnen).",
        ),
        (
            "always for data collected from the person",
            "Always, for data collected from the data subject.",
            "Altijd, voor gegevens die bij de betrokkene zelf worden verzameld.",
        ),
        (
            "when a data protection officer is designated",
            "When a data protection officer has been designated.",
            "Als er een functionaris voor gegevensbescherming is aangewezen.",
        ),
        (
            "when consent is a legal basis",
            "When consent is a legal basis.",
            "Als toestemming een grondslag is.",
        ),
        (
            "when data is obtained from others than the person",
            "When data is obtained from others than the data subject.",
            "Als gegevens van anderen dan de betrokkene worden verkregen.",
        ),
        (
            "when data leaves the EEA",
            "When data is transferred outside the EEA.",
            "Als gegevens buiten de EER worden doorgegeven.",
        ),
        (
            "when legitimate interests are a legal basis",
            "When legitimate interests are a legal basis.",
            "Als een gerechtvaardigd belang een grondslag is.",
        ),
        (
            "when special categories of data or criminal data are processed",
            "When special categories of data, or data on criminal convictions, are processed.",
            "Als bijzondere persoonsgegevens of strafrechtelijke gegevens worden verwerkt.",
        ),
        (
            "when there are joint controllers",
            "When two or more controllers decide on the processing together.",
            "Als twee of meer verwerkingsverantwoordelijken samen over de verwerking beslissen.",
        ),
        (
            "when the controller is not established in the EU",
            "When the controller is not established in the EU.",
            "Als de verwerkingsverantwoordelijke niet in de EU is gevestigd.",
        ),
        (
            "when the service is offered to or used by children",
            "When the service is offered to or used by children.",
            "Als de dienst aan kinderen wordt aangeboden of door kinderen wordt gebruikt.",
        ),
        (
            "when the service profiles people or decides automatically",
            "When people are profiled or decisions are taken by automated means.",
            "Als er wordt geprofileerd of geautomatiseerd wordt besloten.",
        ),
        (
            "when the service stores or reads information on the device",
            "When information is stored on or read from the user's device.",
            "Als informatie op het apparaat van de gebruiker wordt opgeslagen of daaruit wordt uitgelezen.",
        ),
        (
            "when there is direct marketing",
            "When data is used for direct marketing.",
            "Als gegevens voor direct marketing worden gebruikt.",
        ),
        (
            "whenever there is more than one purpose or basis",
            "Whenever there is more than one purpose or legal basis.",
            "Zodra er meer dan één doeleinde of grondslag is.",
        ),
    ];
    TABLE
        .iter()
        .find(|(k, _, _)| *k == applies.trim())
        .map_or_else(
            || applies.trim().to_string(),
            |(_, en, nl)| match lang {
                ReportLang::En => en.to_string(),
                ReportLang::Nl => nl.to_string(),
            },
        )
}

/// The group of a catalogue item in the per-requirement findings (keys of [`GROUPS`]).
pub fn group_of(id: &str) -> &'static str {
    match id {
        "controller-identity"
        | "controller-contact"
        | "dpo-contact"
        | "eu-representative"
        | "joint-controllers" => "identity",
        "purposes"
        | "legal-basis"
        | "purpose-basis-mapping"
        | "legitimate-interests"
        | "special-categories" => "purposes",
        "recipients" | "transfers" | "transfer-safeguards" => "recipients",
        "retention" => "retention",
        "statutory-contractual-requirement" => "obligation",
        "automated-decision-making" => "automated",
        "data-categories" | "data-sources" => "art14",
        id if id.starts_with("right") => "rights",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_citations_follow_the_ap_style() {
        assert_eq!(
            cite(ReportLang::Nl, "13(2)(a)"),
            "artikel 13, tweede lid, onder a, AVG"
        );
        assert_eq!(
            cite(ReportLang::Nl, "13(1)(a), 14(1)(a)"),
            "artikel 13, eerste lid, onder a, en artikel 14, eerste lid, onder a, AVG"
        );
        assert_eq!(
            cite(ReportLang::Nl, "12(1); WP260"),
            "artikel 12, eerste lid, AVG; WP260"
        );
        assert_eq!(
            cite(ReportLang::En, "13(2)(b), 15"),
            "Art. 13(2)(b), 15 GDPR"
        );
        assert_eq!(
            cite(ReportLang::Nl, "21(2)-(4)"),
            "artikel 21, tweede tot en met vierde lid, AVG"
        );
        assert_eq!(cite(ReportLang::En, "21(2)-(4)"), "Art. 21(2)–(4) GDPR");
        assert_eq!(
            cite(ReportLang::En, "8, 12(1), Recital 58"),
            "Art. 8, 12(1) GDPR; Recital 58 GDPR"
        );
        assert_eq!(
            cite(ReportLang::Nl, "8, 12(1), Recital 58"),
            "artikel 8 en artikel 12, eerste lid, AVG; overweging 58 AVG"
        );
        assert_eq!(
            cite(
                ReportLang::Nl,
                "ePrivacy 5(3); Telecommunicatiewet 11.7a; GDPR 13"
            ),
            "artikel 5, derde lid, e-privacyrichtlijn; artikel 11.7a Telecommunicatiewet; artikel 13 AVG"
        );
    }

    #[test]
    fn dutch_citation_lists_group_paragraphs_and_points() {
        let refs: Vec<String> = ["13(1)(c)", "13(2)(b)", "13(2)(e)", "14(2)(f)"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            cite_list_nl(&refs),
            "artikel 13, eerste lid, onder c, en tweede lid, onder b en e, en artikel 14, tweede lid, onder f"
        );
    }

    #[test]
    fn dutch_citations_cite_a_range_as_tot_en_met() {
        let list =
            |refs: &[&str]| cite_list_nl(&refs.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            list(&["21(2)-(4)"]),
            "artikel 21, tweede tot en met vierde lid"
        );
        assert_eq!(
            list(&["12(2)-(5)"]),
            "artikel 12, tweede tot en met vijfde lid"
        );
        // two paragraphs are no range: listed
        assert_eq!(list(&["21(2)-(3)"]), "artikel 21, tweede en derde lid");
        // with other paragraphs of the same article and with other articles
        assert_eq!(
            list(&["21(1)", "21(2)-(4)"]),
            "artikel 21, eerste en tweede tot en met vierde lid"
        );
        assert_eq!(
            list(&["13(1)(a)", "13(2)(b)", "14(2)(f)", "21(2)-(4)"]),
            "artikel 13, eerste lid, onder a, en tweede lid, onder b, artikel 14, tweede lid, onder f, en artikel 21, tweede tot en met vierde lid"
        );
        // a range of points
        assert_eq!(
            list(&["13(2)(b)-(d)"]),
            "artikel 13, tweede lid, onder b tot en met d"
        );
        // points listed one by one stay listed
        assert_eq!(
            list(&["13(2)(a)", "13(2)(b)", "13(2)(c)"]),
            "artikel 13, tweede lid, onder a, b en c"
        );
        // what is no range is kept as written
        assert_eq!(list(&["21(4)-(2)"]), "artikel 21(4)-(2)");
        assert_eq!(list(&["21(2)-"]), "artikel 21(2)-");
        assert_eq!(list(&["21(2)-(4)(a)"]), "artikel 21(2)-(4)(a)");
        assert_eq!(list(&["21(2)--(4)"]), "artikel 21(2)--(4)");
        assert_eq!(list(&["13(2)(b)-(d)(i)"]), "artikel 13(2)(b)-(d)(i)");
        // and in a full citation, with the closing "AVG"
        assert_eq!(
            cite(ReportLang::Nl, "13(2)(b), 21(1), 21(4)"),
            "artikel 13, tweede lid, onder b, en artikel 21, eerste en vierde lid, AVG"
        );
        assert_eq!(
            cite(ReportLang::Nl, "12(2)-(5)"),
            "artikel 12, tweede tot en met vijfde lid, AVG"
        );
    }

    #[test]
    fn dutch_citations_run_paragraphs_together() {
        assert_eq!(
            cite(ReportLang::Nl, "13(2)(b), 21(1), 21(4)"),
            "artikel 13, tweede lid, onder b, en artikel 21, eerste en vierde lid, AVG"
        );
        assert_eq!(
            cite(ReportLang::Nl, "13(2)(b), 15"),
            "artikel 13, tweede lid, onder b, en artikel 15 AVG"
        );
    }

    #[test]
    fn every_rule_that_makes_an_item_vague_has_a_dutch_reason_and_no_other_rule_has_one() {
        use crate::rules::{Kind, RuleSet};
        let rules = RuleSet::load(&[]).expect("bundled rules");
        let degrading: Vec<&str> = rules
            .rules
            .iter()
            .filter(|r| {
                matches!(r.kind, Kind::Vague | Kind::Forbids)
                    || (r.kind == Kind::Requires && r.status == Some(Status::Vague))
            })
            .map(|r| r.name.as_str())
            .collect();
        assert!(degrading.len() > 20, "{degrading:?}");
        for name in &degrading {
            assert!(
                vague_reason_nl(name).is_some(),
                "{name} has no Dutch reason"
            );
        }
        for (name, text) in VAGUE_REASONS_NL {
            assert!(degrading.contains(name), "{name} makes no item vague");
            assert!(text.ends_with('.'), "{name}");
        }
    }

    #[test]
    fn every_bundled_reason_for_an_item_that_does_not_apply_has_a_dutch_form_and_no_other() {
        let rules = crate::rules::RuleSet::load(&[]).expect("bundled rules");
        let reasons: Vec<&str> = (rules.catalogue.requirements.iter())
            .flat_map(|r| [&r.otherwise_reason, &r.undetermined_reason])
            .filter_map(|r| r.as_deref())
            .chain(
                rules
                    .rules
                    .iter()
                    .filter_map(|r| r.otherwise_reason.as_deref()),
            )
            .collect();
        assert!(reasons.len() > 10, "{reasons:?}");
        for reason in &reasons {
            assert!(
                condition_reason_nl(reason).is_some(),
                "no Dutch form of {reason:?}"
            );
        }
        for (en, nl) in CONDITION_REASONS_NL {
            assert!(reasons.contains(en), "{en:?} is no reason any item gives");
            assert!(!nl.ends_with('.'), "{nl:?}: the report adds the full stop");
        }
    }

    #[test]
    fn the_dutch_cookie_reason_names_only_what_its_rule_checks() {
        // cookies-without-lifetimes looks for a duration, not for who sets the cookies
        let text = vague_reason_nl("cookies-without-lifetimes").expect("reason");
        assert!(text.contains("hoe lang"), "{text}");
        assert!(!text.contains("door wie"), "{text}");
    }

    #[test]
    fn every_status_has_distinct_labels_and_icons() {
        for lang in [ReportLang::En, ReportLang::Nl] {
            let labels: std::collections::BTreeSet<_> =
                Status::ALL.iter().map(|s| status_label(lang, *s)).collect();
            assert_eq!(labels.len(), 6);
        }
        let icons: std::collections::BTreeSet<_> =
            Status::ALL.iter().map(|s| status_icon(*s)).collect();
        assert_eq!(icons.len(), 6);
    }
}
