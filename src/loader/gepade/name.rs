//! What a GEPADE file name tells: session, agenda item, party, speaker's surname, speech id and date.

use crate::date::DateSpec;

/// The parts of `<session>_<agenda item>_<PARTY>_<Surname>_ID<speech id>_<DD.MM.YYYY>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeechName {
    pub session: String,
    /// With spaces for the underscores: `Zusatzpunkt 3`.
    pub agenda_item: String,
    /// The party code as written: `CDUCSU`, `GRUENE`.
    pub party: String,
    pub surname: String,
    /// `ID` and the digits: `ID19209800`.
    pub speech_id: String,
    pub date: Option<DateSpec>,
}

impl SpeechName {
    /// Reads a file stem (the name without `.json`); `None` when it has too few parts
    /// or no `ID<digits>` part where expected.
    pub fn parse(stem: &str) -> Option<SpeechName> {
        let parts: Vec<&str> = stem.split('_').collect();
        let [session, agenda @ .., party, surname, id, date] = parts.as_slice() else {
            return None;
        };
        let digits = id.strip_prefix("ID")?;
        if agenda.is_empty()
            || digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || [session, party, surname].iter().any(|p| p.is_empty())
        {
            return None;
        }
        Some(SpeechName {
            session: session.to_string(),
            agenda_item: agenda.join(" "),
            party: party.to_string(),
            surname: surname.to_string(),
            speech_id: id.to_string(),
            date: german_date(date),
        })
    }

    /// `Sitzung 19002, Zusatzpunkt 3`.
    pub fn title(&self) -> String {
        format!("Sitzung {}, {}", self.session, self.agenda_item)
    }

    /// The party or parliamentary group as it is usually written.
    pub fn party_name(&self) -> &str {
        party_name(&self.party)
    }

    /// The member of parliament's actor id: `mdb:cducsu-jung`.
    pub fn speaker_id(&self) -> String {
        format!(
            "mdb:{}",
            super::super::attribution::name_id(&crate::fold::fold(&format!(
                "{} {}",
                self.party, self.surname
            )))
        )
    }

    /// The party's actor id: `party:cducsu`.
    pub fn party_id(&self) -> String {
        format!(
            "party:{}",
            super::super::attribution::name_id(&crate::fold::fold(&self.party))
        )
    }
}

/// The usual spelling of a party code of the file names; other codes as they are.
pub fn party_name(code: &str) -> &str {
    match code {
        "CDUCSU" => "CDU/CSU",
        "GRUENE" => "BÜNDNIS 90/DIE GRÜNEN",
        "LINKE" => "DIE LINKE",
        "fraktionslos" => "fraktionslos",
        other => other,
    }
}

/// `21.11.2017` as a date.
fn german_date(text: &str) -> Option<DateSpec> {
    let mut parts = text.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    DateSpec::parse(&format!("{y}-{m:0>2}-{d:0>2}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speech_file_name_gives_its_parts() {
        let name =
            SpeechName::parse("19036_Zusatzpunkt_3_LINKE_Domscheit-Berg_ID193605300_07.06.2018")
                .expect("parsed");
        assert_eq!(name.session, "19036");
        assert_eq!(name.agenda_item, "Zusatzpunkt 3");
        assert_eq!(name.party_name(), "DIE LINKE");
        assert_eq!(name.surname, "Domscheit-Berg");
        assert_eq!(name.speech_id, "ID193605300");
        assert_eq!(
            name.date.map(|d| d.to_string()).as_deref(),
            Some("2018-06-07")
        );
        assert_eq!(name.title(), "Sitzung 19036, Zusatzpunkt 3");
        assert_eq!(name.speaker_id(), "mdb:linke-domscheit-berg");
        assert_eq!(name.party_id(), "party:linke");
    }

    #[test]
    fn other_names_are_not_speech_names() {
        assert_eq!(SpeechName::parse("speech"), None);
        assert_eq!(SpeechName::parse("1_TOP_SPD_Name_19_01.01.2020"), None);
        let undated = SpeechName::parse("1_TOP_SPD_Name_ID19_soon").expect("parsed");
        assert_eq!(undated.date, None);
    }
}
