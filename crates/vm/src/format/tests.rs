//! Checks against CPython 3.11's results (tests_data.rs, from crates/vm/gen/format_cases.py).

use super::number::bigint_to_f64;
use super::tests_data::{
    FIELD_CASES, FLOAT_CASES, FORMAT_CALL_CASES, PERCENT_CASES, SPEC_CASES, TEMPLATE_CASES,
};
use super::*;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

fn bits(s: &str) -> f64 {
    f64::from_bits(
        u64::from_str_radix(s.trim_start_matches("0x"), 16).expect("test data: float bits"),
    )
}

fn err_text(e: FormatError) -> String {
    format!("{:?}: {}", e.kind, e.message)
}

fn outcome(r: Result<String, FormatError>) -> String {
    match r {
        Ok(s) => format!("ok:{s}"),
        Err(e) => err_text(e),
    }
}

fn run_spec(kind: &str, value: &str, spec: &str) -> String {
    let parsed = match parse_format_spec(spec) {
        Ok(p) => p,
        Err(e) => return err_text(e.with_type_name(kind)),
    };
    outcome(match kind {
        "int" => {
            let v: BigInt = value.parse().expect("test data: int");
            let big = format_int(&v, &parsed);
            if let Some(small) = v.to_i64() {
                assert_eq!(
                    format_i64(small, &parsed),
                    big,
                    "format_i64({small}, {spec:?})"
                );
            }
            big
        }
        "float" => format_float(bits(value), &parsed),
        "complex" => {
            let (re, im) = value.split_once(',').expect("test data: complex");
            format_complex(bits(re), bits(im), &parsed)
        }
        _ => format_str(value, &parsed),
    })
}

#[test]
fn format_spec_cases() {
    let mut failures = Vec::new();
    for &(kind, value, spec, expected) in SPEC_CASES {
        let got = run_spec(kind, value, spec);
        if got != expected {
            failures.push(format!(
                "format({kind} {value}, {spec:?}): got {got:?}, expected {expected:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn float_to_string_cases() {
    let mut failures = Vec::new();
    for &(value, fmt, expected) in FLOAT_CASES {
        let x = bits(value);
        let got = if fmt == "repr" {
            float_to_string(
                x,
                'r',
                0,
                FloatFlags {
                    add_dot_0: true,
                    ..FloatFlags::default()
                },
            )
        } else {
            let conv = fmt.chars().last().unwrap_or('g');
            let precision = fmt
                .split_once('.')
                .map_or(6, |(_, p)| p[..p.len() - 1].parse().unwrap_or(6));
            let flags = FloatFlags {
                alternate: fmt.contains('#'),
                ..FloatFlags::default()
            };
            float_to_string(x, conv, precision, flags)
        };
        if format!("ok:{got}") != expected {
            failures.push(format!(
                "{fmt} of {x:e}: got {got:?}, expected {expected:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The text of a range of a `[u32]` template.
fn text_of(units: &[u32], range: std::ops::Range<usize>) -> String {
    units[range]
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

fn encode_template<T: CodePoints + ?Sized>(
    text: &T,
    slice: impl Fn(std::ops::Range<usize>) -> String,
) -> String {
    let mut items = Vec::new();
    for item in parse_template(text) {
        let item = match item {
            Ok(item) => item,
            Err(e) => return err_text(e),
        };
        let parts = match item.field {
            None => vec![
                slice(item.literal),
                "\x03".into(),
                "\x03".into(),
                "\x03".into(),
            ],
            Some(f) => vec![
                slice(item.literal),
                slice(f.name),
                slice(f.spec),
                f.conversion.map_or("\x03".into(), |c| {
                    char::from_u32(c).unwrap_or('?').to_string()
                }),
            ],
        };
        items.push(parts.join("\x02"));
    }
    format!("ok:{}", items.join("\x01"))
}

#[test]
fn template_cases() {
    for &(template, expected) in TEMPLATE_CASES {
        let got = encode_template(template, |r| template[r].to_string());
        assert_eq!(got, expected, "template {template:?}");
        // The same parse over code-point units, as a UCS-4 string would be stored.
        let units: Vec<u32> = template.chars().map(u32::from).collect();
        let got = encode_template(&units[..], |r| text_of(&units, r));
        assert_eq!(got, expected, "template {template:?} as [u32]");
    }
}

fn encode_field(name: &str) -> String {
    (|| -> Result<String, FormatError> {
        let (first, rest) = field_name_split(name, 0..name.len())?;
        let mut parts = vec![match first {
            FieldFirst::Auto => "s".to_string(),
            FieldFirst::Index(i) => format!("i{i}"),
            FieldFirst::Name(r) => format!("s{}", &name[r]),
        }];
        for accessor in rest {
            parts.push(match accessor? {
                FieldAccessor::Attribute(r) => format!(".s{}", &name[r]),
                FieldAccessor::Index(i) => format!("[i{i}"),
                FieldAccessor::Key(r) => format!("[s{}", &name[r]),
            });
        }
        Ok(format!("ok:{}", parts.join("\x01")))
    })()
    .unwrap_or_else(err_text)
}

#[test]
fn field_name_cases() {
    for &(name, expected) in FIELD_CASES {
        assert_eq!(encode_field(name), expected, "field name {name:?}");
    }
}

#[test]
fn field_numbering() {
    let mut n = FieldNumbering::new();
    assert_eq!(n.resolve(&FieldFirst::Auto), Ok(Some(0)));
    assert_eq!(n.resolve(&FieldFirst::Name(0..1)), Ok(None));
    assert_eq!(n.resolve(&FieldFirst::Auto), Ok(Some(1)));
    let e = n.resolve(&FieldFirst::Index(0)).unwrap_err();
    assert_eq!(
        e.message,
        "cannot switch from automatic field numbering to manual field specification"
    );
    let mut n = FieldNumbering::new();
    assert_eq!(n.resolve(&FieldFirst::Index(3)), Ok(Some(3)));
    let e = n.resolve(&FieldFirst::Auto).unwrap_err();
    assert_eq!(
        e.message,
        "cannot switch from manual field specification to automatic field numbering"
    );
    assert_eq!(
        conversion_error('x' as u32).message,
        "Unknown conversion specifier x"
    );
    assert_eq!(
        conversion_error(0xe9).message,
        "Unknown conversion specifier \\xe9"
    );
    assert_eq!(
        conversion_error(' ' as u32).message,
        "Unknown conversion specifier \\x20"
    );
}

#[test]
fn type_names() {
    let spec = parse_format_spec("q").unwrap();
    let e = format_int(&BigInt::from(1), &spec)
        .unwrap_err()
        .with_type_name("MyInt");
    assert_eq!(
        e.message,
        "Unknown format code 'q' for object of type 'MyInt'"
    );
    let e = parse_format_spec("xx").unwrap_err().with_type_name("S");
    assert_eq!(
        e.message,
        "Invalid format specifier 'xx' for object of type 'S'"
    );
    assert!(e.names_type());
    let e = parse_format_spec(".").unwrap_err().with_type_name("S");
    assert_eq!(e.message, "Format specifier missing precision");
}

#[test]
fn int_to_float_rounding() {
    for (v, expected) in [
        (BigInt::from(2u64.pow(53) + 1), 9007199254740992.0),
        (BigInt::from(2u64.pow(53) + 3), 9007199254740996.0),
        (
            (BigInt::from(1) << 80usize) + (BigInt::from(1) << 27usize) + 1,
            1208925819614629174706176.0 + 268435456.0,
        ),
        (
            -(BigInt::from(1) << 100usize),
            -1267650600228229401496703205376.0,
        ),
    ] {
        assert_eq!(bigint_to_f64(&v).unwrap(), expected, "{v}");
    }
    // 2**80 + 2**27 rounds to even (down); one more unit rounds up.
    let half = (BigInt::from(1) << 80usize) + (BigInt::from(1) << 27usize);
    assert_eq!(bigint_to_f64(&half).unwrap(), 1208925819614629174706176.0);
    assert!(bigint_to_f64(&(BigInt::from(1) << 1024usize)).is_err());
}

/// A %-format argument of the test driver.
#[derive(Clone, Debug)]
enum Arg {
    Int(BigInt),
    Float(f64),
    Str(String),
}

fn parse_arg(s: &str) -> Arg {
    match s.split_at(1) {
        ("i", v) => Arg::Int(v.parse().expect("test data: int")),
        ("f", v) => Arg::Float(bits(v)),
        (_, v) => Arg::Str(v.to_string()),
    }
}

fn type_name(a: &Arg) -> &'static str {
    match a {
        Arg::Int(_) => "int",
        Arg::Float(_) => "float",
        Arg::Str(_) => "str",
    }
}

fn repr_float(x: f64) -> String {
    float_to_string(
        x,
        'r',
        0,
        FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        },
    )
}

/// `fmt % args` for ints, floats and strs, doing the caller's part as CPython does.
fn percent(fmt: &str, encoded: &str) -> Result<String, String> {
    let (kind, rest) = encoded.split_at(1);
    let values: Vec<&str> = if rest.is_empty() {
        vec![]
    } else {
        rest.split('\x01').collect()
    };
    let mut dict: Option<Vec<(String, Arg)>> = None;
    let (mut args, mut arglen): (Vec<Arg>, isize) = match kind {
        "t" => {
            let v: Vec<Arg> = values.iter().map(|v| parse_arg(v)).collect();
            let n = v.len() as isize;
            (v, n)
        }
        "m" => {
            let map = values
                .iter()
                .map(|kv| {
                    let (k, v) = kv.split_once('\x02').expect("test data: dict");
                    (k.to_string(), parse_arg(v))
                })
                .collect();
            dict = Some(map);
            // The mapping itself is the single positional argument ('%s' % {}).
            (vec![Arg::Str("{}".into())], -1)
        }
        _ => (vec![parse_arg(rest)], -1),
    };
    let mut argidx: isize = if arglen < 0 { -2 } else { 0 };
    let e = err_text;
    let mut out = String::new();
    let next_arg = |args: &Vec<Arg>, arglen: isize, argidx: &mut isize| -> Result<Arg, String> {
        if *argidx < arglen {
            let i = *argidx;
            *argidx += 1;
            Ok(if arglen < 0 {
                args[0].clone()
            } else {
                args[i as usize].clone()
            })
        } else {
            Err("TypeError: not enough arguments for format string".into())
        }
    };
    for item in parse_percent(fmt, false) {
        let d = match item {
            PercentItem::Literal(r) => {
                out.push_str(&fmt[r]);
                continue;
            }
            PercentItem::Percent => {
                out.push('%');
                continue;
            }
            PercentItem::Directive(d) => d,
        };
        if let Some(key) = d.key.clone() {
            let Some(map) = &dict else {
                return Err("TypeError: format requires a mapping".into());
            };
            if let PercentConversion::BeforeKey(err) = d.conversion {
                return Err(e(err));
            }
            let k = &fmt[key];
            let v = map
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone());
            let v = v.ok_or_else(|| format!("KeyError: '{k}'"))?;
            args = vec![v];
            arglen = -1;
            argidx = -2;
        }
        let mut flags = d.flags;
        let width = match d.width {
            Some(PercentCount::Star) => match next_arg(&args, arglen, &mut argidx)? {
                Arg::Int(w) => {
                    if w.is_negative() {
                        flags.left = true;
                    }
                    Some(
                        w.abs()
                            .to_usize()
                            .ok_or("OverflowError: Python int too large to convert to C ssize_t")?,
                    )
                }
                _ => return Err("TypeError: * wants int".into()),
            },
            Some(PercentCount::Value(w)) => Some(w),
            None => None,
        };
        let precision = match d.precision {
            Some(PercentCount::Star) => match next_arg(&args, arglen, &mut argidx)? {
                Arg::Int(p) => Some(if p.is_negative() {
                    0
                } else {
                    p.to_usize().unwrap_or(0)
                }),
                _ => return Err("TypeError: * wants int".into()),
            },
            Some(PercentCount::Value(p)) => Some(p),
            None => None,
        };
        if let PercentConversion::BeforeArgument(err) = d.conversion {
            return Err(e(err));
        }
        let arg = next_arg(&args, arglen, &mut argidx)?;
        let c = match d.conversion {
            PercentConversion::AfterArgument(err) | PercentConversion::BeforeKey(err) => {
                return Err(e(err))
            }
            PercentConversion::BeforeArgument(_) => unreachable!("handled above"),
            PercentConversion::Char(c) => c,
        };
        let text = match (c, &arg) {
            ('s' | 'r' | 'a', _) => {
                let s = match &arg {
                    Arg::Int(i) => i.to_string(),
                    Arg::Float(f) => repr_float(*f),
                    Arg::Str(s) => s.clone(),
                };
                let s: String = match precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                percent_pad(&s, flags, width).map_err(e)?
            }
            ('d' | 'i' | 'u', Arg::Int(i)) => {
                percent_format_int(i, c, flags, width, precision).map_err(e)?
            }
            ('d' | 'i' | 'u', Arg::Float(f)) => {
                if f.is_nan() {
                    return Err("ValueError: cannot convert float NaN to integer".into());
                }
                let i = BigInt::from_f64(f.trunc())
                    .ok_or("OverflowError: cannot convert float infinity to integer")?;
                percent_format_int(&i, c, flags, width, precision).map_err(e)?
            }
            ('o' | 'x' | 'X', Arg::Int(i)) => {
                percent_format_int(i, c, flags, width, precision).map_err(e)?
            }
            ('o' | 'x' | 'X', a) => {
                return Err(format!(
                    "TypeError: %{c} format: an integer is required, not {}",
                    type_name(a)
                ))
            }
            ('d' | 'i' | 'u', a) => {
                return Err(format!(
                    "TypeError: %{c} format: a real number is required, not {}",
                    type_name(a)
                ))
            }
            ('c', Arg::Int(i)) => percent_format_char(i, flags, width).map_err(e)?,
            ('c', Arg::Str(s)) if s.chars().count() == 1 => {
                percent_pad(s, flags, width).map_err(e)?
            }
            ('c', _) => return Err("TypeError: %c requires int or char".into()),
            (_, Arg::Int(i)) => {
                let f = bigint_to_f64(i).map_err(e)?;
                percent_format_float(f, c, flags, width, precision).map_err(e)?
            }
            (_, Arg::Float(f)) => {
                percent_format_float(*f, c, flags, width, precision).map_err(e)?
            }
            (_, a) => {
                return Err(format!(
                    "TypeError: must be real number, not {}",
                    type_name(a)
                ))
            }
        };
        out.push_str(&text);
    }
    if argidx < arglen && dict.is_none() {
        return Err("TypeError: not all arguments converted during string formatting".into());
    }
    Ok(out)
}

#[test]
fn percent_cases() {
    let mut failures = Vec::new();
    for &(fmt, args, expected) in PERCENT_CASES {
        let got = match percent(fmt, args) {
            Ok(s) => format!("ok:{s}"),
            Err(e) => e,
        };
        if got != expected {
            failures.push(format!(
                "{fmt:?} % {args:?}: got {got:?}, expected {expected:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn percent_bytes() {
    // b'%y' % 1, b'%\xe9' % 1, b'%b' parses, index counts bytes.
    let items: Vec<PercentItem> = parse_percent(&b"ab%y"[..], true).collect();
    let PercentItem::Directive(d) = &items[1] else {
        panic!("expected a directive")
    };
    let PercentConversion::AfterArgument(err) = &d.conversion else {
        panic!("expected an error")
    };
    assert_eq!(
        err.message,
        "unsupported format character 'y' (0x79) at index 3"
    );
    let items: Vec<PercentItem> = parse_percent(&b"%\xe9"[..], true).collect();
    let PercentItem::Directive(d) = &items[0] else {
        panic!("expected a directive")
    };
    let PercentConversion::AfterArgument(err) = &d.conversion else {
        panic!("expected an error")
    };
    assert_eq!(
        (err.kind, err.message.as_str()),
        (
            ErrorKind::OverflowError,
            "character argument not in range(0x110000)"
        )
    );
    let items: Vec<PercentItem> = parse_percent(&b"%-5b|"[..], true).collect();
    let PercentItem::Directive(d) = &items[0] else {
        panic!("expected a directive")
    };
    assert_eq!(d.conversion, PercentConversion::Char('b'));
    assert!(d.flags.left);
    assert_eq!(d.width, Some(PercentCount::Value(5)));
    assert_eq!(items[1], PercentItem::Literal(4..5));
    // Index in code points for str stored as UTF-8.
    let items: Vec<PercentItem> = parse_percent("\u{e9}\u{e9}%y", false).collect();
    let PercentItem::Directive(d) = &items[1] else {
        panic!("expected a directive")
    };
    let PercentConversion::AfterArgument(err) = &d.conversion else {
        panic!("expected an error")
    };
    assert_eq!(
        err.message,
        "unsupported format character 'y' (0x79) at index 3"
    );
}

/// `template.format(10, 2.5, 'abc', 'xyz', w=8, s='hi')` done as the runtime will: fields are
/// looked up, converted, their specs expanded (one level less deep), then formatted.
fn format_call(
    template: &str,
    depth: usize,
    numbering: &mut FieldNumbering,
) -> Result<String, String> {
    if depth == 0 {
        return Err(format!("ValueError: {RECURSION_ERROR}"));
    }
    let positional = [
        Arg::Int(10.into()),
        Arg::Float(2.5),
        Arg::Str("abc".into()),
        Arg::Str("xyz".into()),
    ];
    let mut out = String::new();
    for item in parse_template(template) {
        let item = item.map_err(err_text)?;
        out.push_str(&template[item.literal.clone()]);
        let Some(field) = item.field else { continue };
        let (first, accessors) =
            field_name_split(template, field.name.clone()).map_err(err_text)?;
        let mut obj = match numbering.resolve(&first).map_err(err_text)? {
            Some(i) => positional.get(i).cloned().ok_or_else(|| {
                format!("IndexError: Replacement index {i} out of range for positional args tuple")
            })?,
            None => {
                let FieldFirst::Name(r) = &first else {
                    unreachable!("names only")
                };
                match &template[r.clone()] {
                    "w" => Arg::Int(8.into()),
                    "s" => Arg::Str("hi".into()),
                    k => return Err(format!("KeyError: '{k}'")),
                }
            }
        };
        for accessor in accessors {
            obj = match (accessor.map_err(err_text)?, &obj) {
                (FieldAccessor::Attribute(r), o) if &template[r.clone()] == "real" => o.clone(),
                (FieldAccessor::Attribute(r), o) => {
                    return Err(format!(
                        "AttributeError: '{}' object has no attribute '{}'",
                        type_name(o),
                        &template[r]
                    ))
                }
                (FieldAccessor::Index(i), Arg::Str(s)) => Arg::Str(
                    s.chars()
                        .nth(i)
                        .ok_or("IndexError: string index out of range")?
                        .to_string(),
                ),
                (FieldAccessor::Key(_), Arg::Str(_)) => {
                    return Err("TypeError: string indices must be integers, not 'str'".into())
                }
                (_, o) => {
                    return Err(format!(
                        "TypeError: '{}' object is not subscriptable",
                        type_name(o)
                    ))
                }
            };
        }
        if let Some(c) = field.conversion {
            obj = match char::from_u32(c) {
                Some('s' | 'r' | 'a') => {
                    let text = match &obj {
                        Arg::Int(i) => i.to_string(),
                        Arg::Float(f) => repr_float(*f),
                        Arg::Str(s) if c == 's' as u32 => s.clone(),
                        Arg::Str(s) => format!("'{s}'"),
                    };
                    Arg::Str(text)
                }
                _ => return Err(err_text(conversion_error(c))),
            };
        }
        let spec_text = &template[field.spec.clone()];
        let spec_text = if field.spec_needs_expanding {
            format_call(spec_text, depth - 1, numbering)?
        } else {
            spec_text.to_string()
        };
        let spec = parse_format_spec(&spec_text)
            .map_err(|e| err_text(e.with_type_name(type_name(&obj))))?;
        let text = match &obj {
            Arg::Int(i) if spec_text.is_empty() => Ok(i.to_string()),
            Arg::Int(i) => format_int(i, &spec),
            Arg::Float(f) => format_float(*f, &spec),
            Arg::Str(s) => format_str(s, &spec),
        };
        out.push_str(&text.map_err(err_text)?);
    }
    Ok(out)
}

#[test]
fn format_call_cases() {
    for &(template, expected) in FORMAT_CALL_CASES {
        let got = match format_call(template, MAX_RECURSION_DEPTH, &mut FieldNumbering::new()) {
            Ok(s) => format!("ok:{s}"),
            Err(e) => e,
        };
        assert_eq!(got, expected, "{template:?}.format(...)");
    }
}

#[test]
fn surrogate_layouts() {
    // format(0xd800, '^5c') == '  \ud800  ' and format(0xd800, '05c') == '0000\ud800'.
    let spec = parse_format_spec("^5c").unwrap();
    assert!(format_int(&BigInt::from(0xd800), &spec).is_err());
    let l = char_layout(0xd800, &spec).unwrap();
    assert_eq!((l.keep, l.left, l.right, l.fill), (1, 2, 2, ' '));
    let l = char_layout(0xd800, &parse_format_spec("05c").unwrap()).unwrap();
    assert_eq!((l.left, l.right, l.fill), (4, 0, '0'));
    assert_eq!(
        char_layout(-1, &spec).unwrap_err().kind,
        ErrorKind::OverflowError
    );
    // format('\ud800x', '*^6.1') == '**\ud800***': the caller keeps 1 code point of 2.
    let l = str_layout(2, &parse_format_spec("*^6.1").unwrap()).unwrap();
    assert_eq!((l.keep, l.left, l.right, l.fill), (1, 2, 3, '*'));
    let e = str_layout(2, &parse_format_spec("=5").unwrap()).unwrap_err();
    assert_eq!(
        e.message,
        "'=' alignment not allowed in string format specifier"
    );
}

#[test]
fn type_name_is_cut_at_200_bytes() {
    let long = "T".repeat(300);
    let e = parse_format_spec("xx").unwrap_err().with_type_name(&long);
    assert_eq!(
        e.message,
        format!(
            "Invalid format specifier 'xx' for object of type '{}'",
            "T".repeat(200)
        )
    );
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len() / 2)
        .filter_map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
        .collect();
    String::from_utf8(bytes).expect("random cases: UTF-8")
}

/// Random cases written by `format_cases.py --random N FILE`, read from $FORMAT_RANDOM_CASES.
#[test]
#[ignore = "needs a case file from crates/vm/gen/format_cases.py --random"]
fn random_spec_cases() {
    let path =
        std::env::var("FORMAT_RANDOM_CASES").expect("FORMAT_RANDOM_CASES names the case file");
    let data = std::fs::read_to_string(path).expect("readable case file");
    let mut failures = Vec::new();
    for line in data.lines() {
        let f: Vec<String> = line.split('\t').map(unhex).collect();
        let got = if f[0] == "percent" {
            percent(&f[2], &f[1])
                .map(|s| format!("ok:{s}"))
                .unwrap_or_else(|e| e)
        } else if f[0] == "template" {
            encode_template(f[2].as_str(), |r| f[2][r].to_string())
        } else if f[0] == "field" {
            encode_field(&f[2])
        } else {
            run_spec(&f[0], &f[1], &f[2])
        };
        if got != f[3] {
            failures.push(format!(
                "format({} {}, {:?}): got {got:?}, expected {:?}",
                f[0], f[1], f[2], f[3]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
