//! The words of the audit report in English and Dutch: headings, status labels, fixed
//! sentences of the method and limitations chapters, and per requirement a recommendation
//! (English fallback and Dutch), a Dutch description of the typical quality problem and a
//! Dutch applicability condition. Rule files carry English texts only; a Dutch report takes
//! its recommendations and reasons from here.
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
    /// Dutch description of the typical quality problem (reason for `vague`).
    pub vague_nl: &'static str,
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
    vague_nl: &'static str,
    cond_nl: &'static str,
) -> RequirementText {
    RequirementText {
        id,
        rec_en,
        rec_nl,
        vague_nl,
        cond_nl,
    }
}

pub static REQUIREMENTS: &[RequirementText] = &[
    rt(
        "controller-identity",
        "Name the controller by its full legal name and legal form (with its registered address), not only by a brand.",
        "Vermeld de volledige juridische naam en rechtsvorm van de verwerkingsverantwoordelijke (met vestigingsadres), niet alleen een merknaam.",
        "De verwerkingsverantwoordelijke wordt alleen met een merknaam of in algemene termen aangeduid, niet als rechtspersoon.",
        "wie de verwerkingsverantwoordelijke is",
    ),
    rt(
        "controller-contact",
        "Give a postal address and a direct contact channel (e-mail address or form) for privacy questions.",
        "Vermeld een postadres en een direct contactkanaal (e-mailadres of formulier) voor vragen over privacy.",
        "De contactgegevens zijn onvolledig of verwijzen alleen naar een algemeen klantenkanaal.",
        "hoe de verwerkingsverantwoordelijke kan worden bereikt",
    ),
    rt(
        "dpo-contact",
        "If a data protection officer is designated, give their contact details (a dedicated e-mail address suffices; a name is not required).",
        "Vermeld, als er een functionaris voor gegevensbescherming (FG) is aangewezen, diens contactgegevens (een eigen e-mailadres volstaat; een naam is niet vereist).",
        "Er wordt een functionaris voor gegevensbescherming genoemd, maar zonder bruikbare contactgegevens.",
        "of er een functionaris voor gegevensbescherming is aangewezen",
    ),
    rt(
        "eu-representative",
        "If the controller is established outside the EU, name its representative in the Union (Article 27 GDPR) and how to reach it.",
        "Vermeld, als de verwerkingsverantwoordelijke buiten de EU is gevestigd, de vertegenwoordiger in de Unie (artikel 27 AVG) en hoe die te bereiken is.",
        "De vertegenwoordiger in de Unie wordt genoemd zonder naam of contactgegevens.",
        "wie de vertegenwoordiger in de Unie is",
    ),
    rt(
        "purposes",
        "Describe each purpose specifically (what is done with which data and why), without hedges such as 'may' or 'for example'.",
        "Omschrijf elk doeleinde concreet (wat er met welke gegevens gebeurt en waarom), zonder voorbehouden als 'kunnen' of 'bijvoorbeeld'.",
        "De doeleinden zijn zo ruim of voorwaardelijk omschreven dat niet duidelijk is wat er feitelijk met de gegevens gebeurt.",
        "voor welke doeleinden de gegevens worden verwerkt",
    ),
    rt(
        "legal-basis",
        "State by name the legal basis under Article 6(1) GDPR on which the processing rests.",
        "Noem de grondslag uit artikel 6, eerste lid, AVG waarop de verwerking berust.",
        "Grondslagen worden in algemene termen genoemd zonder duidelijk te maken op welke grondslag de verwerking berust.",
        "op welke grondslag de verwerking berust",
    ),
    rt(
        "purpose-basis-mapping",
        "State for each purpose the legal basis relied on, for instance in a table of purposes, categories of data, legal bases and retention periods.",
        "Vermeld per doeleinde op welke grondslag de verwerking berust, bijvoorbeeld in een tabel met doeleinden, categorieën persoonsgegevens, grondslagen en bewaartermijnen.",
        "Doeleinden en grondslagen worden naast elkaar genoemd, maar niet duidelijk is welke grondslag bij welk doeleinde hoort.",
        "welke grondslag bij welk doeleinde hoort",
    ),
    rt(
        "legitimate-interests",
        "For each processing based on legitimate interests, state the specific interest pursued and how the balancing test can be obtained.",
        "Vermeld bij elke verwerking op grond van gerechtvaardigd belang welk concreet belang wordt nagestreefd en hoe de belangenafweging kan worden opgevraagd.",
        "De verklaring beroept zich op gerechtvaardigde belangen, maar vermeldt niet welk concreet belang wordt nagestreefd.",
        "welke gerechtvaardigde belangen worden nagestreefd",
    ),
    rt(
        "recipients",
        "Name the recipients, or describe their categories as specifically as possible (sector, role, location), and say which data each receives and why.",
        "Noem de ontvangers, of omschrijf de categorieën ontvangers zo specifiek mogelijk (sector, rol, vestigingsplaats), en vermeld welke gegevens zij ontvangen en waarom.",
        "Ontvangers worden alleen in ruime categorieën beschreven (zoals 'partners' of 'derden'), zonder te vermelden welke gegevens zij ontvangen en waarom.",
        "aan wie de gegevens worden verstrekt",
    ),
    rt(
        "transfers",
        "State whether data is transferred outside the EEA, to which countries, and on what basis (adequacy decision or safeguards).",
        "Vermeld of gegevens buiten de EER worden doorgegeven, naar welke landen, en op welke basis (adequaatheidsbesluit of passende waarborgen).",
        "Doorgifte buiten de EER wordt genoemd zonder de landen te vermelden (bijvoorbeeld alleen 'wereldwijd' of 'andere landen').",
        "of gegevens buiten de Europese Economische Ruimte (EER) worden doorgegeven",
    ),
    rt(
        "transfer-safeguards",
        "Name the transfer mechanism relied on (adequacy decision, standard contractual clauses, binding corporate rules) and how a copy of the safeguards can be obtained.",
        "Noem het doorgiftemechanisme (adequaatheidsbesluit, modelcontractbepalingen, bindende bedrijfsvoorschriften) en vermeld hoe een kopie van de waarborgen kan worden verkregen.",
        "De doorgifte wordt genoemd, maar niet op welke passende waarborgen wordt gesteund of hoe een kopie kan worden verkregen.",
        "op welke passende waarborgen de doorgifte berust",
    ),
    rt(
        "retention",
        "Give a retention period per category of data or per purpose, or the concrete criteria that determine it; 'as long as necessary' is not enough.",
        "Vermeld per categorie persoonsgegevens of per doeleinde de bewaartermijn, of de concrete criteria waarmee die wordt bepaald; 'zo lang als nodig' volstaat niet.",
        "Er wordt geen bewaartermijn of concreet criterium gegeven; de mededeling dat gegevens 'zo lang als nodig' worden bewaard voldoet niet.",
        "hoe lang de gegevens worden bewaard",
    ),
    rt(
        "right-access",
        "Tell data subjects that they have the right of access to their personal data and to a copy of it.",
        "Wijs betrokkenen op hun recht op inzage in hun persoonsgegevens en op een kopie daarvan.",
        "Het recht op inzage wordt slechts terloops of onder voorwaarden genoemd.",
        "dat betrokkenen recht op inzage hebben",
    ),
    rt(
        "right-rectification",
        "Tell data subjects that they can have inaccurate personal data rectified and incomplete data completed.",
        "Wijs betrokkenen op hun recht om onjuiste persoonsgegevens te laten rectificeren en onvolledige gegevens te laten aanvullen.",
        "Rectificatie wordt alleen beschreven als het aanpassen van accountinstellingen, niet als recht.",
        "dat betrokkenen recht op rectificatie hebben",
    ),
    rt(
        "right-erasure",
        "Tell data subjects that they can ask for their personal data to be erased, and in which circumstances.",
        "Wijs betrokkenen op hun recht om hun persoonsgegevens te laten wissen, en in welke gevallen dat recht geldt.",
        "Wissen wordt alleen beschreven als het opheffen van een account, niet als recht.",
        "dat betrokkenen recht op gegevenswissing hebben",
    ),
    rt(
        "right-restriction",
        "Tell data subjects that they can ask for the processing of their data to be restricted.",
        "Wijs betrokkenen op hun recht op beperking van de verwerking.",
        "Het recht op beperking van de verwerking wordt niet duidelijk als afzonderlijk recht beschreven.",
        "dat betrokkenen recht op beperking van de verwerking hebben",
    ),
    rt(
        "right-portability",
        "Tell data subjects that they can receive the data they provided in a structured, commonly used, machine-readable format and have it transmitted to another controller.",
        "Wijs betrokkenen op hun recht om de door hen verstrekte gegevens in een gestructureerde, gangbare en machineleesbare vorm te ontvangen en aan een andere verwerkingsverantwoordelijke te laten doorgeven.",
        "Het recht op overdraagbaarheid van gegevens wordt onvolledig beschreven.",
        "dat betrokkenen recht op overdraagbaarheid van gegevens hebben",
    ),
    rt(
        "right-object",
        "State the right to object to processing based on legitimate interests or a public task explicitly and separately from other information.",
        "Vermeld uitdrukkelijk en duidelijk gescheiden van andere informatie het recht van bezwaar tegen verwerking op grond van gerechtvaardigd belang of een taak van algemeen belang.",
        "Het recht van bezwaar wordt niet uitdrukkelijk en gescheiden van andere informatie onder de aandacht gebracht.",
        "dat betrokkenen bezwaar kunnen maken tegen de verwerking",
    ),
    rt(
        "right-object-marketing",
        "State that data subjects can object to direct marketing at any time, free of charge and without giving reasons.",
        "Vermeld dat betrokkenen altijd, kosteloos en zonder opgave van redenen bezwaar kunnen maken tegen direct marketing.",
        "Afmelden voor marketing wordt beschreven als een instelling of handeling, niet als een onvoorwaardelijk recht van bezwaar.",
        "dat betrokkenen altijd bezwaar kunnen maken tegen direct marketing",
    ),
    rt(
        "right-withdraw-consent",
        "Where processing is based on consent, state that consent can be withdrawn at any time and how, without affecting the lawfulness of earlier processing.",
        "Vermeld, waar de verwerking op toestemming berust, dat de toestemming te allen tijde kan worden ingetrokken en hoe, zonder dat dit afbreuk doet aan de rechtmatigheid van de eerdere verwerking.",
        "Het intrekken van toestemming wordt genoemd, maar niet dat dit te allen tijde kan of hoe het werkt.",
        "dat een gegeven toestemming te allen tijde kan worden ingetrokken",
    ),
    rt(
        "right-complaint",
        "Tell data subjects that they may lodge a complaint with a supervisory authority, and name the competent authority (in the Netherlands: the Autoriteit Persoonsgegevens).",
        "Wijs betrokkenen op het recht een klacht in te dienen bij een toezichthoudende autoriteit en noem de bevoegde autoriteit (in Nederland: de Autoriteit Persoonsgegevens).",
        "Het klachtrecht wordt genoemd zonder de toezichthoudende autoriteit te noemen of zonder duidelijk te maken dat het om een recht gaat.",
        "dat betrokkenen een klacht kunnen indienen bij een toezichthoudende autoriteit",
    ),
    rt(
        "rights-how-to-exercise",
        "Explain how data subjects can exercise their rights: a direct channel (e-mail address or form) and the time within which they will get an answer.",
        "Leg uit hoe betrokkenen hun rechten kunnen uitoefenen: een direct kanaal (e-mailadres of formulier) en de termijn waarbinnen zij antwoord krijgen.",
        "Er wordt niet concreet uitgelegd langs welke weg betrokkenen hun rechten kunnen uitoefenen.",
        "hoe betrokkenen hun rechten kunnen uitoefenen",
    ),
    rt(
        "statutory-contractual-requirement",
        "Say which data people must provide (by law, by contract or to use the service) and what happens if they do not.",
        "Vermeld welke gegevens betrokkenen moeten verstrekken (op grond van de wet, een overeenkomst of om de dienst te kunnen gebruiken) en wat de gevolgen zijn als zij dat niet doen.",
        "Niet duidelijk is welke gegevens verplicht zijn en wat de gevolgen zijn van het niet verstrekken ervan.",
        "welke gegevens verplicht moeten worden verstrekt",
    ),
    rt(
        "automated-decision-making",
        "State whether automated decision-making, including profiling, takes place; if it does, explain the logic involved and its significance and envisaged consequences.",
        "Vermeld of er geautomatiseerde besluitvorming, waaronder profilering, plaatsvindt; zo ja, geef nuttige informatie over de onderliggende logica en over het belang en de verwachte gevolgen voor de betrokkene.",
        "Geautomatiseerde besluitvorming of profilering wordt genoemd zonder te zeggen of die plaatsvindt en hoe die werkt.",
        "of er geautomatiseerde besluitvorming of profilering plaatsvindt",
    ),
    rt(
        "data-categories",
        "List the categories of personal data processed (mandatory for data not obtained from the person).",
        "Som de categorieën persoonsgegevens op die worden verwerkt (verplicht voor gegevens die niet bij de betrokkene zelf zijn verkregen).",
        "De categorieën persoonsgegevens worden slechts in algemene termen aangeduid.",
        "welke categorieën persoonsgegevens worden verwerkt",
    ),
    rt(
        "data-sources",
        "Name the sources of data not provided by the person, and whether they are publicly accessible.",
        "Vermeld uit welke bronnen de gegevens afkomstig zijn die niet door de betrokkene zelf zijn verstrekt, en of het openbare bronnen zijn.",
        "De herkomst van gegevens van derden wordt slechts in algemene termen aangeduid (bijvoorbeeld 'partners' of 'andere bronnen').",
        "uit welke bronnen de gegevens afkomstig zijn",
    ),
    rt(
        "cookies-tracking",
        "Describe the cookies and similar technologies used, their purposes, who places them and how long they last.",
        "Beschrijf welke cookies en vergelijkbare technieken worden gebruikt, met welk doel, door wie ze worden geplaatst en hoe lang ze bewaard blijven.",
        "Cookies worden beschreven zonder te vermelden hoe lang ze bewaard blijven of door wie ze worden geplaatst.",
        "of er cookies of vergelijkbare technieken worden gebruikt",
    ),
    rt(
        "children",
        "Say whether the service is meant for children, which age limit applies, and how parental consent is obtained where needed.",
        "Vermeld of de dienst voor kinderen bedoeld is, welke leeftijdsgrens geldt en hoe zo nodig toestemming van de ouders wordt verkregen.",
        "Kinderen worden genoemd zonder leeftijdsgrens of werkwijze.",
        "of de dienst door kinderen wordt gebruikt",
    ),
    rt(
        "changes-notice",
        "Explain how people are told about changes to the statement (actively, for significant changes), and drop clauses that treat continued use as acceptance.",
        "Leg uit hoe betrokkenen over wijzigingen van de verklaring worden geïnformeerd (bij belangrijke wijzigingen actief), en schrap bepalingen die voortgezet gebruik als aanvaarding aanmerken.",
        "Wijzigingen worden alleen aangekondigd door de pagina bij te werken, of voortgezet gebruik geldt als aanvaarding.",
        "hoe wijzigingen worden aangekondigd",
    ),
    rt(
        "last-updated",
        "Show the date of the last revision at the top or bottom of the statement.",
        "Vermeld bovenaan of onderaan de verklaring de datum van de laatste wijziging.",
        "Er wordt een wijziging aangekondigd, maar zonder concrete datum.",
        "wanneer de verklaring voor het laatst is gewijzigd",
    ),
];

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
    h_findings: "Findings per requirement",
    h_purpose_map: "Purpose map",
    h_layers: "Layered notice",
    h_conclusion: "Conclusion",
    h_recommendations: "Recommendations",
    h_suppressed: "Suppressed findings",
    h_method: "Method",
    h_limitations: "Limitations",
    h_outline: "Annex A — Outline of the documents examined",
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
        "Automated analysis can miss or misread passages, especially in tables, images, PDFs and mixed-language text. Items marked \"Could not be determined\" or \"Review\" need a human check, and every status should be confirmed by a reader before the report is relied on.",
        "This report is not legal advice, not a decision of a supervisory authority and not a finding of infringement. It uses the text of the GDPR and WP260 rev.01; national practice or later EDPB guidance may set stricter expectations.",
    ],
    accuracy: "Measured accuracy of the status labels (privlint eval, this rule pack): micro-F1 about 0.90 on 58 labelled English app privacy policies (gt200-dev) and about 0.99 on the labelled real English statements of the test set; the vague/met quality judgement agreed with human labels on 76 of 88 English items. Figures for Dutch statements are based on fewer documents. These figures describe the tool on average, not this document.",
    conclusion_met: "It follows that the statement provides the information referred to in Articles 13 and 14 GDPR that was assessed, subject to the limitations set out in this report.",
    recommendations_none: "No recommendation: every applicable item is met.",
    outline_intro: "The sections of each document, with their heading path and line range in the file, so that every location cited in this report can be found.",
    summary_scope: "This report assesses whether the privacy statement provides the information required by Articles 12 to 14 GDPR.",
    summary_disclaimer: "This is a desk review of the published text only; it does not verify the actual processing.",
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
    h_findings: "Bevindingen per vereiste",
    h_purpose_map: "Overzicht van doeleinden",
    h_layers: "Gelaagde informatieverstrekking",
    h_conclusion: "Conclusie",
    h_recommendations: "Aanbevelingen",
    h_suppressed: "Onderdrukte bevindingen",
    h_method: "Werkwijze",
    h_limitations: "Beperkingen",
    h_outline: "Bijlage A — Indeling van de onderzochte documenten",
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
        "Een geautomatiseerde analyse kan passages missen of verkeerd lezen, vooral in tabellen, afbeeldingen, pdf's en tekst in meer talen. Onderdelen met het oordeel \"Niet vast te stellen\" of de prioriteit \"Nagaan\" vragen om handmatige beoordeling, en elk oordeel moet door een lezer worden bevestigd voordat op dit rapport wordt vertrouwd.",
        "Het rapport bevat geen juridisch advies, geen oordeel van een toezichthouder en geen vaststelling van een overtreding. Het gaat uit van de tekst van de AVG en WP260 rev.01; nationale praktijk of latere richtsnoeren van het EDPB kunnen strengere eisen stellen.",
    ],
    accuracy: "Gemeten nauwkeurigheid van de oordelen (privlint eval, deze regelset): micro-F1 ongeveer 0,90 op 58 gelabelde Engelstalige privacyverklaringen van apps (gt200-dev) en ongeveer 0,99 op de gelabelde echte Engelstalige verklaringen van de testset; het kwaliteitsoordeel (onvoldoende duidelijk of voldoet) kwam bij 76 van de 88 Engelstalige onderdelen overeen met het menselijke oordeel. Voor Nederlandstalige verklaringen berusten de cijfers op minder documenten. De cijfers beschrijven het hulpmiddel gemiddeld, niet dit document.",
    conclusion_met: "Gelet op het voorgaande wordt geconcludeerd dat de verklaring de getoetste informatie bedoeld in de artikelen 13 en 14 AVG verstrekt, met inachtneming van de beperkingen van dit rapport.",
    recommendations_none: "Geen aanbevelingen: aan elk toepasselijk onderdeel wordt voldaan.",
    outline_intro: "De onderdelen van elk document, met hun kopenpad en regelbereik in het bestand, zodat elke vindplaats in dit rapport kan worden teruggevonden.",
    summary_scope: "Dit rapport toetst of de privacyverklaring de informatie bevat die de artikelen 12 tot en met 14 AVG vereisen.",
    summary_disclaimer: "Het betreft een documentonderzoek van de gepubliceerde tekst; de feitelijke verwerking is niet onderzocht.",
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
/// artikel 14, eerste lid, onder a, AVG`. References that are not plain GDPR articles
/// (ePrivacy, recitals, WP260) are shown as written.
pub fn cite(lang: ReportLang, article: &str) -> String {
    let parts: Vec<&str> = article.split(',').map(str::trim).collect();
    let plain = !article.contains(';')
        && parts
            .iter()
            .all(|p| p.chars().next().is_some_and(|c| c.is_ascii_digit()) && !p.contains('-'));
    match lang {
        ReportLang::En => {
            if plain {
                format!("Art. {} GDPR", parts.join(", "))
            } else {
                article.replace("GDPR ", "GDPR Art. ")
            }
        }
        ReportLang::Nl => {
            if plain && parts.iter().all(|p| cite_part_nl(p).is_some()) {
                let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                let list = cite_list_nl(&owned);
                let last = list.rsplit("artikel ").next().unwrap_or("");
                return if last.contains(',') {
                    format!("{list}, AVG")
                } else {
                    format!("{list} AVG")
                };
            }
            article
                .replace("GDPR", "AVG")
                .replace("Recital", "overweging")
                .replace("on changes", "over wijzigingen")
        }
    }
}

/// Paragraph number (0 = none) → points, in order of first mention.
type Paragraphs = Vec<(u32, Vec<String>)>;

/// Several GDPR references as one Dutch citation in the AP style, grouping points of the
/// same paragraph and paragraphs of the same article: `13(1)(c)`, `13(2)(b)`, `13(2)(e)`
/// → `artikel 13, eerste lid, onder c, en tweede lid, onder b en e`. Without the closing
/// "AVG", so the caller can add "in samenhang met …".
pub fn cite_list_nl(refs: &[String]) -> String {
    // article → paragraph (0 = none) → points; references that do not parse are kept.
    let mut grouped: Vec<(u32, Paragraphs)> = Vec::new();
    let mut other: Vec<String> = Vec::new();
    for r in refs {
        let r = r.trim();
        let parsed = (|| {
            let (art, rest) = r.split_once('(').map_or((r, ""), |(a, b)| (a, b));
            let art: u32 = art.parse().ok()?;
            let mut groups = rest.split(['(', ')']).filter(|x| !x.is_empty());
            let lid: u32 = match groups.next() {
                Some(l) => l.parse().ok()?,
                None => 0,
            };
            let point = groups.next().map(str::to_string);
            if groups.next().is_some() || (lid > 0 && ordinal_nl(lid).is_none()) {
                return None;
            }
            Some((art, lid, point))
        })();
        let Some((art, lid, point)) = parsed else {
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
    let and = |items: &[String]| -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, init)) => format!("{} en {last}", init.join(", ")),
        }
    };
    let mut articles: Vec<String> = grouped
        .iter()
        .map(|(art, lids)| {
            // Paragraphs without points run together: "eerste en vierde lid".
            let mut parts: Vec<String> = Vec::new();
            let mut bare: Vec<String> = Vec::new();
            let flush = |bare: &mut Vec<String>, parts: &mut Vec<String>| {
                if !bare.is_empty() {
                    parts.push(format!("{} lid", and(bare)));
                    bare.clear();
                }
            };
            for (lid, points) in lids {
                match ordinal_nl(*lid) {
                    Some(o) if points.is_empty() => bare.push(o.to_string()),
                    Some(o) => {
                        flush(&mut bare, &mut parts);
                        parts.push(format!("{o} lid, onder {}", and(points)));
                    }
                    None if !points.is_empty() => {
                        flush(&mut bare, &mut parts);
                        parts.push(format!("onder {}", and(points)));
                    }
                    None => {}
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
        Some((last, init)) => format!("{}, en {last}", init.join(", ")),
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
        assert_eq!(cite(ReportLang::Nl, "12(1); WP260"), "12(1); WP260");
        assert_eq!(
            cite(ReportLang::En, "13(2)(b), 15"),
            "Art. 13(2)(b), 15 GDPR"
        );
        assert_eq!(cite(ReportLang::Nl, "21(2)-(4)"), "21(2)-(4)");
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
