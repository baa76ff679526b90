//! Leaf readers for the generated `ast_json` module.

use num_bigint::BigInt;
use serde_json::Value;
use syntax::ast::{Constant, Loc};

pub fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

pub fn opt(v: &Value) -> Option<&Value> {
    if v.is_null() {
        None
    } else {
        Some(v)
    }
}

pub fn string(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

pub fn int(v: &Value) -> i64 {
    v.as_i64().unwrap_or_default()
}

fn num(v: &Value) -> u32 {
    v.as_u64().unwrap_or_default() as u32
}

pub fn loc(v: &Value) -> Loc {
    Loc {
        lineno: num(&v["lineno"]),
        col_offset: num(&v["col_offset"]),
        end_lineno: num(&v["end_lineno"]),
        end_col_offset: num(&v["end_col_offset"]),
    }
}

fn float(v: &Value) -> f64 {
    v.as_str().and_then(|s| s.parse().ok()).unwrap_or_default()
}

pub fn constant(v: &Value) -> Constant {
    let value = &v["v"];
    match v["t"].as_str().unwrap_or_default() {
        "None" => Constant::None,
        "Ellipsis" => Constant::Ellipsis,
        "Bool" => Constant::Bool(value.as_bool().unwrap_or_default()),
        "Int" => {
            let text = value.as_str().unwrap_or("0");
            match text.parse::<i64>() {
                Ok(i) => Constant::Int(i),
                Err(_) => Constant::BigInt(text.parse::<BigInt>().unwrap_or_default()),
            }
        }
        "Float" => Constant::Float(float(value)),
        "Complex" => Constant::Complex {
            real: float(&value[0]),
            imag: float(&value[1]),
        },
        "Str" => Constant::Str(value.as_str().unwrap_or_default().into()),
        "Bytes" => Constant::Bytes(
            list(value)
                .iter()
                .map(|b| b.as_u64().unwrap_or_default() as u8)
                .collect(),
        ),
        "Tuple" => Constant::Tuple(list(value).iter().map(constant).collect()),
        other => panic!("bad constant {other}"),
    }
}
