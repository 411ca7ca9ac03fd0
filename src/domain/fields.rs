//! The texts a record holds, each with the longest it may be. A task is a sentence or a short
//! paragraph of the minutes, a name is a name: what is longer was pasted by mistake (a whole
//! document, a spreadsheet column) and is refused with the limit named, by the store on every
//! path (command line, terminal UI, imports), and by a form beside its field.

/// A text field of a record, as the user knows it (the i18n names each one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    /// 督办事项 (a task's text).
    TaskText,
    /// 议题.
    Topic,
    /// 单位名称.
    UnitName,
    /// A county leader's name.
    LeaderName,
    /// A person named on a record: main leader, attendee, drafter, reviewer, signer, approver.
    Person,
    /// A person's post or role (职务, 参会身份).
    Post,
    /// Contact details: phone, fax, e-mail, a unit's contact line.
    Contact,
    /// 会议地点.
    Place,
    /// A document or meeting number (文号, 会议编号).
    Number,
    /// A progress report's text.
    Progress,
    /// A note, an opinion, a written explanation, a reason, an outcome.
    Note,
}

impl TextField {
    pub const ALL: [TextField; 11] = [
        TextField::TaskText,
        TextField::Topic,
        TextField::UnitName,
        TextField::LeaderName,
        TextField::Person,
        TextField::Post,
        TextField::Contact,
        TextField::Place,
        TextField::Number,
        TextField::Progress,
        TextField::Note,
    ];

    /// The most characters (not bytes) the field may hold.
    pub fn max_chars(self) -> usize {
        match self {
            TextField::TaskText => 1000,
            TextField::Topic => 100,
            TextField::UnitName => 50,
            TextField::LeaderName | TextField::Person | TextField::Post => 40,
            TextField::Contact | TextField::Place => 100,
            TextField::Number => 50,
            TextField::Progress | TextField::Note => 2000,
        }
    }

    /// The key of the form field that usually holds this text.
    pub fn field(self) -> &'static str {
        match self {
            TextField::TaskText | TextField::Progress => "text",
            TextField::Topic => "topics",
            TextField::UnitName | TextField::LeaderName => "name",
            TextField::Person => "attendee",
            TextField::Post => "role",
            TextField::Contact => "contact",
            TextField::Place => "place",
            TextField::Number => "number",
            TextField::Note => "note",
        }
    }
}

/// A text longer than its field allows: the field, its limit and the text's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub field: TextField,
    pub max: usize,
    pub len: usize,
}

/// Whether a character is counted: what a screen shows, not control characters, zero-width
/// characters or bidirectional marks (which the interfaces clean away in any case).
fn shown(c: char) -> bool {
    !c.is_control()
        && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Whether `text` fits `field` (counted in characters as shown, not bytes).
pub fn fits(field: TextField, text: &str) -> Result<(), TooLong> {
    let max = field.max_chars();
    // Counting stops past the limit: a pasted megabyte is not walked to its end.
    let len = text.chars().filter(|c| shown(*c)).take(max + 1).count();
    if len > max {
        return Err(TooLong {
            field,
            max,
            len: text.chars().filter(|c| shown(*c)).count(),
        });
    }
    Ok(())
}

/// As [`fits`], for an optional text.
pub fn fits_opt(field: TextField, text: Option<&str>) -> Result<(), TooLong> {
    text.map_or(Ok(()), |t| fits(field, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        let max = TextField::UnitName.max_chars();
        assert_eq!(fits(TextField::UnitName, &"镇".repeat(max)), Ok(()));
        assert_eq!(
            fits(TextField::UnitName, &"镇".repeat(max + 1)),
            Err(TooLong {
                field: TextField::UnitName,
                max,
                len: max + 1
            })
        );
        assert_eq!(fits_opt(TextField::Note, None), Ok(()));
        // Controls and zero-width marks are not counted.
        let padded = format!("{}\u{200b}\u{1b}\u{202e}", "镇".repeat(max));
        assert_eq!(fits(TextField::UnitName, &padded), Ok(()));
    }

    #[test]
    fn a_task_text_is_not_a_document() {
        let e = fits(TextField::TaskText, &"字".repeat(120_000)).unwrap_err();
        assert_eq!((e.max, e.len), (1000, 120_000));
        for f in TextField::ALL {
            assert!(f.max_chars() >= 30, "{f:?}");
        }
    }
}
