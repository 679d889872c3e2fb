//! The meeting: its date (and, with the extraction issue, title, location, chairs, attendees).
