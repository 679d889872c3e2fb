//! Options shared by reading and extraction.

/// Safety limits applied while reading inputs (SPEC §1) and to what one record
/// holds. The defaults are safe for untrusted archives; raise them for unusual
/// documents. A record cut short by a limit carries one warning saying so.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The largest input file accepted, in bytes (for a docx: the compressed package).
    pub max_input_bytes: u64,
    /// The most bytes decompressed from all the parts of a docx read, together.
    pub max_total_decompressed_bytes: u64,
    /// The most bytes decompressed from one part of a docx.
    pub max_entry_bytes: u64,
    /// The largest ratio of decompressed to compressed size of one docx part…
    pub max_ratio: u64,
    /// …applied to parts that decompress to more than this many bytes.
    pub ratio_threshold_bytes: u64,
    /// The most entries a docx zip may hold.
    pub max_entries: usize,
    /// The deepest nesting accepted: of XML elements (docx, odt), of RTF groups.
    pub max_xml_depth: usize,
    /// The most table grid positions in one docx (rows × columns).
    pub max_table_cells: u64,
    /// The most people one record lists; those first named later are left out.
    pub max_people: usize,
    /// The most mentions (spans) the record's people keep together: each keeps
    /// its first ones, the most-named cut to an equal share.
    pub max_person_spans: usize,
    /// The most titles the record's people keep together, shared the same way.
    pub max_person_titles: usize,
    /// The most tasks one record lists; tasks read after them are left out.
    pub max_tasks: usize,
    /// The most deadlines one record lists; later ones are left out.
    pub max_deadlines: usize,
    /// The most problems one record lists; later ones are left out.
    pub max_problems: usize,
    /// The most warnings one record carries; a last one says how many more there were.
    pub max_warnings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        Limits {
            max_input_bytes: 256 * MIB,
            max_total_decompressed_bytes: 256 * MIB,
            max_entry_bytes: 128 * MIB,
            max_ratio: 100,
            ratio_threshold_bytes: MIB,
            max_entries: 10_000,
            max_xml_depth: 256,
            max_table_cells: 1_000_000,
            // A meeting's record lists tens of each; a thousand is a year of
            // minutes in one file, and keeps a flood of matches from making a
            // record many times the size of its input.
            max_people: 1_000,
            max_person_spans: 10_000,
            max_person_titles: 5_000,
            max_tasks: 1_000,
            max_deadlines: 1_000,
            max_problems: 1_000,
            max_warnings: 100,
        }
    }
}
