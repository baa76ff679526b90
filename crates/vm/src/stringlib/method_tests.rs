//! Replays testdata/methods.txt (str method results from CPython 3.11, written by
//! gen/gen_stringlib_tests.py) against StrData.

use super::{StrData, StrError};

#[derive(Debug, PartialEq)]
enum V {
    S(StrData),
    I(i64),
    N,
    B(bool),
    L(Vec<StrData>),
    E(String),
}

fn parse_str(hex: &str) -> StrData {
    let cps: Vec<u32> = hex.split('.').filter(|x| !x.is_empty()).map(|x| u32::from_str_radix(x, 16).unwrap()).collect();
    StrData::from_code_points(&cps)
}

fn parse(v: &str) -> V {
    if v == "n" {
        return V::N;
    }
    if let Some(x) = v.strip_prefix("s:") {
        return V::S(parse_str(x));
    }
    if let Some(x) = v.strip_prefix("i:") {
        return V::I(x.parse().unwrap());
    }
    if let Some(x) = v.strip_prefix("b:") {
        return V::B(x == "1");
    }
    if let Some(x) = v.strip_prefix("e:") {
        return V::E(x.to_owned());
    }
    if let Some(x) = v.strip_prefix('L') {
        let (n, items) = x.split_once(':').unwrap();
        let n: usize = n.parse().unwrap();
        if n == 0 {
            return V::L(vec![]);
        }
        return V::L(items.split(',').map(parse_str).collect());
    }
    panic!("bad value {v}")
}

fn s(v: &V) -> &StrData {
    match v {
        V::S(x) => x,
        _ => panic!("expected str, got {v:?}"),
    }
}

fn opt_s(v: &V) -> Option<&StrData> {
    match v {
        V::N => None,
        _ => Some(s(v)),
    }
}

fn int(v: &V) -> i64 {
    match v {
        V::I(x) => *x,
        _ => panic!("expected int, got {v:?}"),
    }
}

fn opt_int(v: &V) -> Option<isize> {
    match v {
        V::N => None,
        _ => Some(int(v) as isize),
    }
}

fn idx(r: Option<usize>) -> V {
    V::I(r.map_or(-1, |i| i as i64))
}

fn res<T>(r: Result<T, StrError>, f: impl FnOnce(T) -> V) -> V {
    match r {
        Ok(x) => f(x),
        Err(StrError::Value(_)) => V::E("ValueError".into()),
        Err(StrError::Overflow(_)) => V::E("OverflowError".into()),
        Err(StrError::Memory) => V::E("MemoryError".into()),
    }
}

fn run(name: &str, a: &[V]) -> V {
    match name {
        "find" => idx(s(&a[0]).find(s(&a[1]), opt_int(&a[2]), opt_int(&a[3]))),
        "rfind" => idx(s(&a[0]).rfind(s(&a[1]), opt_int(&a[2]), opt_int(&a[3]))),
        "count" => V::I(s(&a[0]).count(s(&a[1]), opt_int(&a[2]), opt_int(&a[3])) as i64),
        "startswith" => V::B(s(&a[0]).startswith(s(&a[1]), opt_int(&a[2]), opt_int(&a[3]))),
        "endswith" => V::B(s(&a[0]).endswith(s(&a[1]), opt_int(&a[2]), opt_int(&a[3]))),
        "replace" => res(s(&a[0]).replace(s(&a[1]), s(&a[2]), int(&a[3]) as isize), V::S),
        "split" => res(s(&a[0]).split(opt_s(&a[1]), int(&a[2]) as isize), V::L),
        "rsplit" => res(s(&a[0]).rsplit(opt_s(&a[1]), int(&a[2]) as isize), V::L),
        "partition" => res(s(&a[0]).partition(s(&a[1])), |p| V::L(p.to_vec())),
        "rpartition" => res(s(&a[0]).rpartition(s(&a[1])), |p| V::L(p.to_vec())),
        "strip" => V::S(s(&a[0]).strip(opt_s(&a[1]))),
        "lstrip" => V::S(s(&a[0]).lstrip(opt_s(&a[1]))),
        "rstrip" => V::S(s(&a[0]).rstrip(opt_s(&a[1]))),
        "splitlines" => V::L(s(&a[0]).splitlines(a[1] == V::B(true))),
        "center" => res(s(&a[0]).center(int(&a[1]) as isize, s(&a[2]).get(0)), V::S),
        "ljust" => res(s(&a[0]).ljust(int(&a[1]) as isize, s(&a[2]).get(0)), V::S),
        "rjust" => res(s(&a[0]).rjust(int(&a[1]) as isize, s(&a[2]).get(0)), V::S),
        "zfill" => res(s(&a[0]).zfill(int(&a[1]) as isize), V::S),
        "expandtabs" => res(s(&a[0]).expandtabs(int(&a[1]) as i32), V::S),
        "upper" => V::S(s(&a[0]).upper()),
        "lower" => V::S(s(&a[0]).lower()),
        "casefold" => V::S(s(&a[0]).casefold()),
        "title" => V::S(s(&a[0]).title()),
        "capitalize" => V::S(s(&a[0]).capitalize()),
        "swapcase" => V::S(s(&a[0]).swapcase()),
        "islower" => V::B(s(&a[0]).islower()),
        "isupper" => V::B(s(&a[0]).isupper()),
        "istitle" => V::B(s(&a[0]).istitle()),
        "isidentifier" => V::B(s(&a[0]).isidentifier()),
        "isspace" => V::B(s(&a[0]).isspace()),
        "isalnum" => V::B(s(&a[0]).isalnum()),
        "isalpha" => V::B(s(&a[0]).isalpha()),
        "isdecimal" => V::B(s(&a[0]).isdecimal()),
        "isdigit" => V::B(s(&a[0]).isdigit()),
        "isnumeric" => V::B(s(&a[0]).isnumeric()),
        "isprintable" => V::B(s(&a[0]).isprintable()),
        "isascii" => V::B(s(&a[0]).isascii()),
        "repr" => V::S(StrData::from_str(&s(&a[0]).repr())),
        "ascii" => V::S(StrData::from_str(&s(&a[0]).ascii())),
        _ => panic!("unknown method {name}"),
    }
}

#[test]
fn methods_match_cpython() {
    let data = include_str!("testdata/methods.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('\t').collect();
        let arrow = parts.iter().position(|&p| p == "=>").unwrap();
        let args: Vec<V> = parts[1..arrow].iter().map(|p| parse(p)).collect();
        let want = parse(parts[arrow + 1]);
        let got = run(parts[0], &args);
        n += 1;
        if got != want {
            failures.push(format!("{}{:?}: got {got:?}, want {want:?}", parts[0], args));
        }
    }
    assert!(n > 5000, "test data missing");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures[..failures.len().min(40)].join("\n"));
}
