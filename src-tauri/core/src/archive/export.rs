//! Reading every exported table (one read transaction, so the archive is one consistent
//! moment) and writing the archive: pretty JSON, tables in [`super::tables::TABLES`] order,
//! rows by primary key, fields in schema order, a newline at the end. Nothing in it depends
//! on when or where it was written, so the same data always gives the same bytes.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::schema::{LiveTable, Schema};
use super::tables::{Column, Shape};
use super::value::Value;
use super::FORMAT;
use crate::error::{Error, Result};

/// The rows of one table, each a value per column in schema order.
pub(crate) type Rows = Vec<Vec<Value>>;

/// Every row of every exported table, in [`Schema::tables`] order.
pub(crate) async fn read_all(conn: &mut SqliteConnection, schema: &Schema) -> Result<Vec<Rows>> {
    let mut all = Vec::with_capacity(schema.tables.len());
    for table in &schema.tables {
        all.push(read_table(conn, table).await?);
    }
    Ok(all)
}

async fn read_table(conn: &mut SqliteConnection, table: &LiveTable) -> Result<Rows> {
    let sql = format!(
        "SELECT {} FROM \"{}\" ORDER BY {}",
        table.column_list(),
        table.name(),
        table.order_by()
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            table
                .spec
                .columns
                .iter()
                .enumerate()
                .map(|(i, column)| read_value(row, i, column))
                .collect()
        })
        .collect()
}

fn read_value(row: &SqliteRow, i: usize, column: &Column) -> Result<Value> {
    let value = match column.shape {
        Shape::Integer | Shape::Flag => row.try_get::<Option<i64>, _>(i)?.map(Value::Integer),
        Shape::Real => row.try_get::<Option<f64>, _>(i)?.map(Value::Real),
        Shape::Blob => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Blob),
        Shape::Id | Shape::Key | Shape::Text | Shape::Date | Shape::Timestamp | Shape::Json => {
            row.try_get::<Option<String>, _>(i)?.map(Value::Text)
        }
    };
    Ok(value.unwrap_or(Value::Null))
}

/// The archive's bytes.
pub(crate) fn encode(schema: &Schema, rows: &[Rows]) -> Result<Vec<u8>> {
    let envelope = Envelope {
        format: FORMAT,
        schema_version: schema.version,
        tables: schema
            .tables
            .iter()
            .zip(rows)
            .map(|(table, rows)| TableOut {
                name: table.name(),
                rows: rows
                    .iter()
                    .map(|values| RowOut {
                        columns: table.spec.columns,
                        values,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut bytes = Vec::new();
    serde_json::to_writer_pretty(&mut bytes, &envelope).map_err(|e| Error::Storage {
        message: format!("Could not write the archive: {e}"),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    format: &'static str,
    schema_version: i64,
    tables: Vec<TableOut<'a>>,
}

#[derive(Serialize)]
struct TableOut<'a> {
    name: &'static str,
    rows: Vec<RowOut<'a>>,
}

/// One row as an object whose fields are in schema order.
struct RowOut<'a> {
    columns: &'static [Column],
    values: &'a [Value],
}

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self.columns.iter().zip(self.values) {
            map.serialize_entry(column.name, value)?;
        }
        map.end()
    }
}
