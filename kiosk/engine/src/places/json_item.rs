//! One element of a JSON export's array, read straight from the text: field values borrow
//! the file where they can, with no intermediate JSON tree (the tree costs more than the
//! mapping for a large export).

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::json_text::JsonText;
use super::raw_row::RawRow;

/// An element of the array of places: an object's fields, or anything else (a row to skip).
pub(crate) enum JsonItem<'de> {
    /// An object, its fields as text.
    Row(RawRow<'de>),
    /// A string, number, array… where a place was expected.
    NotObject,
}

impl<'de> Deserialize<'de> for JsonItem<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemVisitor)
    }
}

/// Reads an element into a [`JsonItem`].
struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = JsonItem<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a place object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut row = RawRow::with_capacity(map.size_hint().unwrap_or(24));
        while let Some(JsonText(key)) = map.next_key()? {
            let JsonText(value) = map.next_value()?;
            if let (Some(key), Some(value)) = (key, value) {
                row.push(key, value);
            }
        }
        Ok(JsonItem::Row(row))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(JsonItem::NotObject)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(JsonItem::NotObject)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(JsonItem::NotObject)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(JsonItem::NotObject)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(JsonItem::NotObject)
    }

    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(JsonItem::NotObject)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(JsonItem::NotObject)
    }
}
