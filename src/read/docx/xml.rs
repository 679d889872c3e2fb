//! A thin layer over quick-xml: elements named by namespace and local name,
//! entity references resolved (the five XML entities and character
//! references only: DTDs are never read, so no external entity is ever
//! resolved), nesting depth limited, and every error typed with its part and
//! byte position.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};

use crate::error::Error;
use crate::options::Limits;

/// The namespaces the reader tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::read) enum Ns {
    /// WordprocessingML (`w:`), transitional or strict.
    W,
    /// Markup compatibility (`mc:`).
    Mc,
    /// Office Math (`m:`).
    Math,
    /// Dublin Core elements (`dc:`).
    Dc,
    /// Dublin Core terms (`dcterms:`).
    DcTerms,
    /// OpenDocument office (`office:`), text (`text:`), table (`table:`),
    /// metadata (`meta:`) and drawing (`draw:`), for the `.odt` reader.
    Office,
    Text,
    Table,
    Meta,
    Draw,
    /// Anything else (drawing, VML, relationships …).
    Other,
}

fn ns_of(resolved: &ResolveResult<'_>) -> Ns {
    match resolved {
        ResolveResult::Bound(Namespace(uri)) => match *uri {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            b"http://schemas.openxmlformats.org/officeDocument/2006/math"
            | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
            b"http://purl.org/dc/elements/1.1/" => Ns::Dc,
            b"http://purl.org/dc/terms/" => Ns::DcTerms,
            b"urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::Office,
            b"urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::Text,
            b"urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::Table,
            b"urn:oasis:names:tc:opendocument:xmlns:meta:1.0" => Ns::Meta,
            b"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::Draw,
            _ => Ns::Other,
        },
        _ => Ns::Other,
    }
}

/// An element's start tag.
pub(in crate::read) struct Elem<'a> {
    ns: Ns,
    start: BytesStart<'a>,
}

impl Elem<'_> {
    /// True when this is `local` in namespace `ns`.
    pub fn is(&self, ns: Ns, local: &[u8]) -> bool {
        self.ns == ns && self.local() == local
    }

    /// The namespace.
    pub fn ns(&self) -> Ns {
        self.ns
    }

    /// The local name (without prefix).
    pub fn local(&self) -> &[u8] {
        self.start.local_name().into_inner()
    }

    /// The unescaped value of the attribute with this local name (whatever
    /// its prefix: Word's attributes are all in the element's namespace).
    /// A malformed attribute reads as absent.
    pub fn attr(&self, local: &[u8]) -> Option<String> {
        self.start
            .attributes()
            .flatten()
            .find(|a| a.key.local_name().into_inner() == local)
            .and_then(|a| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(Cow::into_owned)
            })
    }
}

/// One step through a part.
pub(in crate::read) enum Node<'a> {
    /// A start tag; its end always comes as [`Node::End`], also for an
    /// empty element (`<w:tab/>`), so that every caller walks one shape.
    Start(Elem<'a>),
    /// An end tag.
    End,
    /// Character data, with references resolved.
    Text(Cow<'a, str>),
    /// The end of the part.
    Eof,
}

/// A reader over one part.
pub(in crate::read) struct Xml<'a> {
    reader: NsReader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    max_depth: usize,
}

impl<'a> Xml<'a> {
    /// Starts reading `bytes` (UTF-8), the part named `part`.
    pub fn new(bytes: &'a [u8], part: &'a str, limits: &Limits) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = NsReader::from_reader(bytes);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = true;
        Xml {
            reader,
            part,
            depth: 0,
            max_depth: limits.max_xml_depth,
        }
    }

    fn malformed(&self, position: u64, reason: String) -> Error {
        Error::MalformedXml {
            path: None,
            part: self.part.to_string(),
            position,
            reason,
        }
    }

    /// The next node. Comments, processing instructions, the XML declaration
    /// and any DOCTYPE are passed over.
    pub fn next(&mut self) -> Result<Node<'a>, Error> {
        loop {
            let (resolved, event) = match self.reader.read_resolved_event() {
                Ok(ok) => ok,
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.malformed(at, e.to_string()));
                }
            };
            let ns = ns_of(&resolved);
            let at = self.reader.buffer_position();
            let text = |c: Result<Cow<'a, str>, _>| match c {
                Ok(s) => Ok(Node::Text(s)),
                Err(e) => Err(self.malformed(at, format!("{e}"))),
            };
            return match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(Error::TooDeep {
                            path: None,
                            part: self.part.to_string(),
                            limit: self.max_depth,
                        });
                    }
                    Ok(Node::Start(Elem { ns, start }))
                }
                // Expanded into Start and End by the configuration.
                Event::Empty(start) => Ok(Node::Start(Elem { ns, start })),
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Ok(Node::End)
                }
                Event::Text(t) => text(t.xml10_content()),
                Event::CData(t) => text(t.xml10_content()),
                Event::GeneralRef(r) => {
                    let name = r.decode().map_err(|e| self.malformed(at, e.to_string()))?;
                    if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => Ok(Node::Text(Cow::Owned(c.to_string()))),
                            _ => {
                                Err(self.malformed(at, format!("bad character reference &{name};")))
                            }
                        }
                    } else {
                        match resolve_predefined_entity(&name) {
                            Some(s) => Ok(Node::Text(Cow::Borrowed(s))),
                            None => Err(self.malformed(at, format!("unknown entity &{name};"))),
                        }
                    }
                }
                Event::Eof if self.depth > 0 => {
                    Err(self.malformed(at, "the part ends inside an element".into()))
                }
                Event::Eof => Ok(Node::Eof),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            };
        }
    }

    /// Passes over the rest of the element whose start was just read.
    pub fn skip(&mut self) -> Result<(), Error> {
        let mut open = 1usize;
        while open > 0 {
            match self.next()? {
                Node::Start(_) => open += 1,
                Node::End => open -= 1,
                Node::Eof => return Ok(()),
                Node::Text(_) => {}
            }
        }
        Ok(())
    }

    /// The text of the element whose start was just read (`w:t`, `dc:title`),
    /// its children's text included.
    pub fn text(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut open = 1usize;
        while open > 0 {
            match self.next()? {
                Node::Start(_) => open += 1,
                Node::End => open -= 1,
                Node::Text(t) => out.push_str(&t),
                Node::Eof => break,
            }
        }
        Ok(out)
    }
}
