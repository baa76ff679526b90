//! The `time` module: clocks, sleep, and calendar time (`struct_time`,
//! gmtime, localtime, mktime, strftime, asctime, ctime, strptime).
//!
//! UTC conversions are pure arithmetic; local time and strftime go through
//! the C library, as CPython's do, so time zones and formats match it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::object::typeobj::CallFn;
use crate::object::value::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use super::structseq::{self, structseq_type, Spec};
use crate::object::protocol;
use crate::types::{dict, exceptions as exc, float, int, module, none, str as pystr, tuple};

type Args<'a> = &'a [Value];

fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to fill.
    unsafe { libc::clock_gettime(clock, &mut t) };
    t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128
}

fn wall_ns() -> i128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as i128).unwrap_or(0)
}

fn ns_value(ns: i128) -> Value {
    int::from_bigint(num_bigint::BigInt::from(ns))
}

fn t_time(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.time", a, k, 0)?;
    Ok(float::new_float(wall_ns() as f64 / 1e9))
}
fn t_time_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.time_ns", a, k, 0)?;
    Ok(ns_value(wall_ns()))
}
fn t_monotonic(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.monotonic", a, k, 0)?;
    Ok(float::new_float(clock_ns(libc::CLOCK_MONOTONIC) as f64 / 1e9))
}
fn t_monotonic_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.monotonic_ns", a, k, 0)?;
    Ok(ns_value(clock_ns(libc::CLOCK_MONOTONIC)))
}
fn t_process_time(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.process_time", a, k, 0)?;
    Ok(float::new_float(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) as f64 / 1e9))
}
fn t_process_time_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.process_time_ns", a, k, 0)?;
    Ok(ns_value(clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)))
}
fn t_thread_time(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.thread_time", a, k, 0)?;
    Ok(float::new_float(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID) as f64 / 1e9))
}
fn t_thread_time_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.thread_time_ns", a, k, 0)?;
    Ok(ns_value(clock_ns(libc::CLOCK_THREAD_CPUTIME_ID)))
}

/// A duration in seconds (float or int) as nanoseconds
/// (`_PyTime_FromSecondsObject`).
fn seconds_to_ns(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if let Some(d) = float::as_float_exact_payload(v) {
        if d.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let ns = (d * 1e9).ceil();
        // i64::MAX is not representable: the bound is exclusive.
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&ns) {
            return Err(PyErr::overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(ns as i64);
    }
    let too_large = || PyErr::overflow_error("timestamp too large to convert to C _PyTime_t");
    let i = crate::object::protocol::index(ts, v)?;
    let secs = int::as_int(&i).and_then(|r| r.to_i64()).ok_or_else(too_large)?;
    secs.checked_mul(1_000_000_000).ok_or_else(too_large)
}

fn t_sleep(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("time.sleep", a, k, 1)?;
    let ns = seconds_to_ns(ts, &a[0])?;
    if ns < 0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    // PEP 475: a signal interrupts the sleep, its handler runs (and may
    // raise), then the sleep goes on for the time that is left.
    let deadline = std::time::Instant::now() + Duration::from_nanos(ns as u64);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            break;
        }
        let req = libc::timespec { tv_sec: left.as_secs() as libc::time_t, tv_nsec: left.subsec_nanos() as libc::c_long };
        // SAFETY: `req` is a valid timespec; no remainder is asked for.
        let rc = unsafe { libc::nanosleep(&req, std::ptr::null_mut()) };
        if rc == 0 {
            break;
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(crate::types::exceptions::os_error_from_io(&std::io::Error::last_os_error(), None));
        }
        crate::runtime::thread::handle_pending_signals(ts)?;
    }
    Ok(none::none())
}

structseq_type!(STRUCT_TIME_TYPE, "time.struct_time");

/// `time.struct_time`: nine visible fields, then tm_zone and tm_gmtoff.
pub static STRUCT_TIME: Spec = Spec {
    ty: &STRUCT_TIME_TYPE,
    fields: &[
        ("tm_year", "year, for example, 1993"),
        ("tm_mon", "month of year, range [1, 12]"),
        ("tm_mday", "day of month, range [1, 31]"),
        ("tm_hour", "hours, range [0, 23]"),
        ("tm_min", "minutes, range [0, 59]"),
        ("tm_sec", "seconds, range [0, 61])"),
        ("tm_wday", "day of week, range [0, 6], Monday is 0"),
        ("tm_yday", "day of year, range [1, 366]"),
        ("tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"),
        ("tm_zone", "abbreviation of timezone name"),
        ("tm_gmtoff", "offset from UTC in seconds"),
    ],
    n_in_sequence: 9,
    constructible: true,
    doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.",
};

/// Broken-down time with C's conventions (`tm_year` since 1900, `tm_mon`
/// from 0, `tm_wday` from Sunday, `tm_yday` from 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tm {
    pub year: i32,
    pub mon: i32,
    pub mday: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    pub zone: Option<String>,
    pub gmtoff: Option<i64>,
}


fn errno_error(errno: i32) -> PyErr {
    let msg = std::io::Error::from_raw_os_error(errno).to_string();
    // Rust appends " (os error N)"; Python shows the C library's text only.
    let msg = match msg.find(" (os error") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    PyErr::with_args(&exc::OS_ERROR, vec![int::from_i64(errno as i64), pystr::new_str(&msg)])
}

/// Days since 1970-01-01 to (year, month 1-12, day 1-31) in the proleptic
/// Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

const DAYS_BEFORE_MONTH: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/// UTC broken-down time of a timestamp (C's gmtime, with glibc's zone name).
pub fn gmtime_tm(t: i64) -> PyResult<Tm> {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let year = i32::try_from(y - 1900).map_err(|_| errno_error(libc::EOVERFLOW))?;
    let yday = DAYS_BEFORE_MONTH[(m - 1) as usize] + i64::from(m > 2 && is_leap(y)) + d - 1;
    Ok(Tm {
        year,
        mon: (m - 1) as i32,
        mday: d as i32,
        hour: (secs / 3600) as i32,
        min: (secs / 60 % 60) as i32,
        sec: (secs % 60) as i32,
        wday: (days + 4).rem_euclid(7) as i32,
        yday: yday as i32,
        isdst: 0,
        zone: Some("GMT".to_string()),
        gmtoff: Some(0),
    })
}

fn tm_to_libc(tm: &Tm, zone: Option<&std::ffi::CString>) -> libc::tm {
    libc::tm {
        tm_sec: tm.sec,
        tm_min: tm.min,
        tm_hour: tm.hour,
        tm_mday: tm.mday,
        tm_mon: tm.mon,
        tm_year: tm.year,
        tm_wday: tm.wday,
        tm_yday: tm.yday,
        tm_isdst: tm.isdst,
        tm_gmtoff: tm.gmtoff.unwrap_or(0) as libc::c_long,
        tm_zone: zone.map_or(std::ptr::null(), |z| z.as_ptr()),
    }
}

fn tm_from_libc(t: &libc::tm) -> Tm {
    let zone = if t.tm_zone.is_null() {
        None
    } else {
        // SAFETY: a non-null tm_zone filled by the C library points to a
        // NUL-terminated string that lives as long as the time zone data.
        Some(unsafe { std::ffi::CStr::from_ptr(t.tm_zone) }.to_string_lossy().into_owned())
    };
    Tm {
        year: t.tm_year,
        mon: t.tm_mon,
        mday: t.tm_mday,
        hour: t.tm_hour,
        min: t.tm_min,
        sec: t.tm_sec,
        wday: t.tm_wday,
        yday: t.tm_yday,
        isdst: t.tm_isdst,
        zone,
        // c_long is i32 on some targets.
        #[allow(clippy::useless_conversion)]
        gmtoff: Some(i64::from(t.tm_gmtoff)),
    }
}

fn zeroed_tm() -> libc::tm {
    libc::tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 0,
        tm_mon: 0,
        tm_year: 0,
        tm_wday: 0,
        tm_yday: 0,
        tm_isdst: 0,
        tm_gmtoff: 0,
        tm_zone: std::ptr::null(),
    }
}

/// Local broken-down time of a timestamp (C's localtime_r).
pub fn localtime_tm(t: i64) -> PyResult<Tm> {
    let tt = libc::time_t::try_from(t).map_err(|_| PyErr::overflow_error("timestamp out of range for platform time_t"))?;
    let mut out = zeroed_tm();
    // SAFETY: both pointers are valid for the duration of the call.
    let r = unsafe { libc::localtime_r(&tt, &mut out) };
    if r.is_null() {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EOVERFLOW);
        return Err(errno_error(if errno == 0 { libc::EINVAL } else { errno }));
    }
    Ok(tm_from_libc(&out))
}

/// The struct_time of a broken-down time.
pub fn struct_time(tm: &Tm) -> PyResult<Value> {
    let i = |x: i32| int::from_i64(x as i64);
    structseq::new_value(
        &STRUCT_TIME,
        vec![
            int::from_i64(tm.year as i64 + 1900),
            i(tm.mon + 1),
            i(tm.mday),
            i(tm.hour),
            i(tm.min),
            i(tm.sec),
            i((tm.wday + 6) % 7),
            i(tm.yday + 1),
            i(tm.isdst),
            tm.zone.as_deref().map_or_else(none::none, pystr::new_str),
            tm.gmtoff.map_or_else(none::none, int::from_i64),
        ],
    )
}

/// A timestamp argument as time_t, rounding floats toward minus infinity
/// (`_PyTime_ObjectToTime_t` with ROUND_FLOOR).
fn object_to_time_t(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let out_of_range = || PyErr::overflow_error("timestamp out of range for platform time_t");
    if let Some(f) = float::as_float_exact_payload(v) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        // i64::MAX is not representable: the bound is exclusive.
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
            return Err(out_of_range());
        }
        return Ok(f as i64);
    }
    let i = protocol::index(ts, v)?;
    int::as_int(&i).and_then(|r| r.to_i64()).ok_or_else(out_of_range)
}

/// The timestamp argument of gmtime/localtime/ctime: None means now.
fn seconds_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<i64> {
    match v.filter(|v| !none::is_none(v)) {
        Some(v) => object_to_time_t(ts, v),
        None => Ok(wall_ns().div_euclid(1_000_000_000) as i64),
    }
}

fn t_gmtime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("gmtime", a, k, 0, 1)?;
    let t = seconds_arg(ts, a.first())?;
    struct_time(&gmtime_tm(t)?)
}

fn t_localtime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("localtime", a, k, 0, 1)?;
    let t = seconds_arg(ts, a.first())?;
    struct_time(&localtime_tm(t)?)
}

/// A C int from a time tuple item ("i" format of PyArg_ParseTuple).
fn c_int_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = protocol::index(ts, v)?;
    let n = int::as_int(&i)
        .and_then(|r| r.to_i64())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if n > i32::MAX as i64 {
        return Err(PyErr::overflow_error("signed integer is greater than maximum"));
    }
    if n < i32::MIN as i64 {
        return Err(PyErr::overflow_error("signed integer is less than minimum"));
    }
    Ok(n as i32)
}

/// A struct_time or 9-tuple as C broken-down time (CPython's gettmarg).
fn gettmarg(ts: &ThreadState, v: &Value, fname: &str) -> PyResult<Tm> {
    let Some(items) = tuple::try_tuple_items(v) else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (slot, x) in f.iter_mut().zip(items) {
        *slot = c_int_arg(ts, x)?;
    }
    let mut tm = Tm {
        year: f[0].wrapping_sub(1900),
        mon: f[1].wrapping_sub(1),
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        // Python counts weekdays from Monday, C from Sunday.
        wday: f[6].wrapping_add(1) % 7,
        yday: f[7].wrapping_sub(1),
        isdst: f[8],
        zone: None,
        gmtoff: None,
    };
    if v.is_exact(&STRUCT_TIME_TYPE) {
        if let Some(z) = structseq::field(v, 9).filter(|z| !none::is_none(z)) {
            let s = pystr::as_pystr(&z).ok_or_else(|| {
                PyErr::type_error("bad argument type for built-in operation")
            })?;
            tm.zone = Some(s.data.to_string_lossy());
        }
        if let Some(g) = structseq::field(v, 10).filter(|g| !none::is_none(g)) {
            tm.gmtoff = Some(int::to_i64_checked(&protocol::index(ts, &g)?)?);
        }
    }
    Ok(tm)
}

/// The range checks of asctime and strftime (CPython's checktm), which
/// first take 0 for month, day of month and day of year as the lowest
/// valid value.
fn checktm(tm: &mut Tm) -> PyResult<()> {
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    // The upper bound of tm_wday holds by construction (`% 7`).
    if tm.wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

/// The time tuple argument: given, or the current local time.
fn time_arg(ts: &ThreadState, v: Option<&Value>, fname: &str) -> PyResult<Tm> {
    match v {
        Some(v) => gettmarg(ts, v, fname),
        None => localtime_tm(wall_ns().div_euclid(1_000_000_000) as i64),
    }
}

/// C's strftime on broken-down time, growing the buffer as CPython does.
pub fn strftime_tm(fmt: &str, tm: &Tm) -> PyResult<String> {
    let cfmt = std::ffi::CString::new(fmt).map_err(|_| PyErr::value_error("embedded null character"))?;
    let zone = match &tm.zone {
        Some(z) => Some(std::ffi::CString::new(z.as_str()).map_err(|_| PyErr::value_error("embedded null character"))?),
        None => None,
    };
    let ctm = tm_to_libc(tm, zone.as_ref());
    let fmtlen = fmt.len().max(1);
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` is writable for `size` bytes, `cfmt` is
        // NUL-terminated and `ctm` (with its zone string) outlives the call.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &ctm) };
        // 0 means "did not fit" or "empty result": stop growing at some point.
        if n > 0 || size >= 256 * fmtlen {
            buf.truncate(n);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 2;
    }
}

fn t_strftime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("strftime", a, k, 1, 2)?;
    let Some(fmt) = pystr::as_pystr(&a[0]) else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            protocol::type_name(&a[0])
        )));
    };
    let mut tm = time_arg(ts, a.get(1), "strftime")?;
    checktm(&mut tm)?;
    // Some C libraries index tables with tm_isdst.
    tm.isdst = tm.isdst.clamp(-1, 1);
    if fmt.data.is_empty() {
        return Ok(pystr::new_str(""));
    }
    let fmt = fmt.data.to_string_lossy();
    Ok(pystr::new_str(&strftime_tm(&fmt, &tm)?))
}

const WDAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `Sun Sep 16 01:03:52 1973` (C's asctime without the newline).
pub fn asctime_string(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY_NAMES[tm.wday.rem_euclid(7) as usize],
        MON_NAMES[tm.mon.rem_euclid(12) as usize],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year as i64 + 1900
    )
}

fn t_asctime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::positional("asctime", a, k, 0, 1)?;
    let mut tm = time_arg(ts, a.first(), "asctime")?;
    checktm(&mut tm)?;
    Ok(pystr::new_str(&asctime_string(&tm)))
}

fn t_ctime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("ctime", a, k, 0, 1)?;
    let t = seconds_arg(ts, a.first())?;
    Ok(pystr::new_str(&asctime_string(&localtime_tm(t)?)))
}

fn t_mktime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("time.mktime", a, k, 1)?;
    let tm = gettmarg(ts, &a[0], "mktime")?;
    let mut ctm = tm_to_libc(&tm, None);
    // mktime ignores tm_wday: it stays -1 only when the call failed.
    ctm.tm_wday = -1;
    // SAFETY: `ctm` is a valid tm for the C library to normalize.
    let t = unsafe { libc::mktime(&mut ctm) };
    if t == -1 && ctm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(float::new_float(t as f64))
}

fn t_strptime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let m = crate::import::import_absolute(ts, "_strptime")?;
    let f = protocol::getattr_str(ts, &m, "_strptime_time")?;
    protocol::call(ts, &f, a, k)
}

/// (timezone, altzone, daylight, (std name, dst name)) as CPython computes
/// them: from local time in January and July of the current year.
fn zone_info() -> (i64, i64, bool, String, String) {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = wall_ns().div_euclid(1_000_000_000) as i64;
    let jan_t = now / YEAR * YEAR;
    let get = |t: i64| -> (i64, String) {
        match localtime_tm(t) {
            Ok(tm) => (-tm.gmtoff.unwrap_or(0), tm.zone.unwrap_or_default()),
            Err(_) => (0, "UTC".to_string()),
        }
    };
    let (janzone, janname) = get(jan_t);
    let (julyzone, julyname) = get(jan_t + YEAR / 2);
    if janzone < julyzone {
        // Southern hemisphere: summer time in January.
        (julyzone, janzone, janzone != julyzone, julyname, janname)
    } else {
        (janzone, julyzone, janzone != julyzone, janname, julyname)
    }
}

fn set_zone_attrs(ts: &ThreadState, d: &Value) -> PyResult<()> {
    let (timezone, altzone, daylight, std_name, dst_name) = zone_info();
    dict::dict_set_item(ts, d, pystr::intern("timezone"), int::from_i64(timezone))?;
    dict::dict_set_item(ts, d, pystr::intern("altzone"), int::from_i64(altzone))?;
    dict::dict_set_item(ts, d, pystr::intern("daylight"), int::from_i64(daylight as i64))?;
    let names = tuple::new_tuple(vec![pystr::new_str(&std_name), pystr::new_str(&dst_name)])?;
    dict::dict_set_item(ts, d, pystr::intern("tzname"), names)
}

extern "C" {
    fn tzset();
}

fn t_tzset(ts: &ThreadState, m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("time.tzset", a, k, 0)?;
    // SAFETY: tzset only rereads the TZ environment variable.
    unsafe { tzset() };
    let d = module::module_dict(m).ok_or_else(|| PyErr::system_error("time"))?;
    set_zone_attrs(ts, &d)?;
    Ok(none::none())
}

/// The clocks that get_clock_info knows: (name, clock, monotonic, adjustable).
const CLOCKS: [(&str, &str, bool, bool); 5] = [
    ("time", "CLOCK_REALTIME", false, true),
    ("monotonic", "CLOCK_MONOTONIC", true, false),
    ("perf_counter", "CLOCK_MONOTONIC", true, false),
    ("process_time", "CLOCK_PROCESS_CPUTIME_ID", true, false),
    ("thread_time", "CLOCK_THREAD_CPUTIME_ID", true, false),
];

fn clock_id(name: &str) -> libc::clockid_t {
    match name {
        "CLOCK_MONOTONIC" => libc::CLOCK_MONOTONIC,
        "CLOCK_PROCESS_CPUTIME_ID" => libc::CLOCK_PROCESS_CPUTIME_ID,
        "CLOCK_THREAD_CPUTIME_ID" => libc::CLOCK_THREAD_CPUTIME_ID,
        _ => libc::CLOCK_REALTIME,
    }
}

fn clock_res(clock: libc::clockid_t) -> Option<f64> {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to fill.
    let r = unsafe { libc::clock_getres(clock, &mut t) };
    (r == 0).then_some(t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9)
}

fn t_get_clock_info(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("get_clock_info", a, k, 1, 1)?;
    let Some(name) = pystr::try_as_rust_str(&a[0]) else {
        return Err(PyErr::type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            protocol::type_name(&a[0])
        )));
    };
    let Some(&(_, clock, monotonic, adjustable)) = CLOCKS.iter().find(|c| c.0 == name) else {
        return Err(PyErr::value_error("unknown clock"));
    };
    let res = clock_res(clock_id(clock)).unwrap_or(1e-9);
    crate::types::namespace::new_namespace(
        ts,
        vec![
            ("implementation", pystr::new_str(&format!("clock_gettime({clock})"))),
            ("monotonic", crate::types::bool_::new_bool(monotonic)),
            ("adjustable", crate::types::bool_::new_bool(adjustable)),
            ("resolution", float::new_float(res)),
        ],
    )
}

fn clk_arg(a: Args, k: Option<&Value>, fname: &str) -> PyResult<libc::clockid_t> {
    let a = super::parse_tuple_args(fname, a, k, 1, 1)?;
    if !int::is_int(&a[0]) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            protocol::type_name(&a[0])
        )));
    }
    let n = int::to_isize(&a[0]).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    libc::clockid_t::try_from(n).map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

fn checked_clock_ns(clock: libc::clockid_t) -> PyResult<i128> {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to fill.
    if unsafe { libc::clock_gettime(clock, &mut t) } != 0 {
        return Err(errno_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)));
    }
    Ok(t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128)
}

fn t_clock_gettime(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = clk_arg(a, k, "clock_gettime")?;
    Ok(float::new_float(checked_clock_ns(c)? as f64 / 1e9))
}

fn t_clock_gettime_ns(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = clk_arg(a, k, "clock_gettime_ns")?;
    Ok(ns_value(checked_clock_ns(c)?))
}

fn t_clock_getres(_ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let c = clk_arg(a, k, "clock_getres")?;
    match clock_res(c) {
        Some(r) => Ok(float::new_float(r)),
        None => Err(errno_error(libc::EINVAL)),
    }
}

/// Set a clock to `ns` nanoseconds.
fn settime(clock: libc::clockid_t, ns: i128) -> PyResult<Value> {
    let t = libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as libc::c_long,
    };
    // SAFETY: `t` is a valid timespec.
    if unsafe { libc::clock_settime(clock, &t) } != 0 {
        return Err(errno_error(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)));
    }
    Ok(none::none())
}

fn t_clock_settime(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("clock_settime", a, k, 2, 2)?;
    let c = clk_arg(&a[..1], None, "clock_settime")?;
    let secs = float::to_f64(ts, &a[1])?;
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    settime(c, (secs * 1e9) as i128)
}

fn t_clock_settime_ns(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("clock_settime_ns", a, k, 2, 2)?;
    let c = clk_arg(&a[..1], None, "clock_settime_ns")?;
    let ns = protocol::index(ts, &a[1])?;
    let ns = int::as_int(&ns)
        .and_then(|r| r.to_i64())
        .ok_or_else(|| PyErr::overflow_error("timestamp too large to convert to C _PyTime_t"))?;
    settime(c, ns as i128)
}

fn t_pthread_getcpuclockid(ts: &ThreadState, _m: &Value, a: Args, k: Option<&Value>) -> PyResult<Value> {
    let a = super::parse_tuple_args("pthread_getcpuclockid", a, k, 1, 1)?;
    let id = protocol::index(ts, &a[0])?;
    let id = int::as_int(&id)
        .and_then(|r| u64::try_from(&r.to_bigint()).ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long"))?;
    // Thread idents are ours (see _thread::current_ident), not pthread_t
    // values, and glibc dereferences whatever pthread_t it is given: only
    // a thread we know is mapped to its handle; others do not exist.
    if id != super::_thread::current_ident() {
        return Err(errno_error(libc::ESRCH));
    }
    // SAFETY: pthread_self has no preconditions.
    let thread = unsafe { libc::pthread_self() };
    let mut clock: libc::clockid_t = 0;
    // SAFETY: `thread` is the calling thread's live handle and `clock` a
    // valid out-pointer.
    let r = unsafe { libc::pthread_getcpuclockid(thread, &mut clock) };
    if r != 0 {
        return Err(errno_error(r));
    }
    Ok(int::from_i64(clock as i64))
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("time", t_time),
    ("time_ns", t_time_ns),
    ("monotonic", t_monotonic),
    ("monotonic_ns", t_monotonic_ns),
    ("perf_counter", t_monotonic),
    ("perf_counter_ns", t_monotonic_ns),
    ("process_time", t_process_time),
    ("process_time_ns", t_process_time_ns),
    ("thread_time", t_thread_time),
    ("thread_time_ns", t_thread_time_ns),
    ("sleep", t_sleep),
    ("gmtime", t_gmtime),
    ("localtime", t_localtime),
    ("mktime", t_mktime),
    ("strftime", t_strftime),
    ("strptime", t_strptime),
    ("asctime", t_asctime),
    ("ctime", t_ctime),
    ("tzset", t_tzset),
    ("get_clock_info", t_get_clock_info),
    ("clock_gettime", t_clock_gettime),
    ("clock_gettime_ns", t_clock_gettime_ns),
    ("clock_getres", t_clock_getres),
    ("clock_settime", t_clock_settime),
    ("clock_settime_ns", t_clock_settime_ns),
    ("pthread_getcpuclockid", t_pthread_getcpuclockid),
];

/// Create the time module.
pub fn create(ts: &ThreadState) -> PyResult<Value> {
    let m = module::new_module("time")?;
    let d = module::module_dict(&m).ok_or_else(|| PyErr::system_error("time"))?;
    for (name, f) in FUNCTIONS {
        let bf = Value::new(crate::types::function::PyBuiltinFunction { name, func: *f, self_: Some(m.clone()), module: Some("time") })?;
        dict::dict_set_item(ts, &d, pystr::intern(name), bf)?;
    }
    dict::dict_set_item(ts, &d, pystr::intern("struct_time"), STRUCT_TIME_TYPE.to_value())?;
    dict::dict_set_item(ts, &d, pystr::intern("_STRUCT_TM_ITEMS"), int::from_i64(STRUCT_TIME.fields.len() as i64))?;
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        dict::dict_set_item(ts, &d, pystr::intern(name), int::from_i64(id as i64))?;
    }
    // SAFETY: tzset only reads the TZ environment variable.
    unsafe { tzset() };
    set_zone_attrs(ts, &d)?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3: tuple(time.gmtime(t)) (tm_wday from Monday).
    #[test]
    fn gmtime_matches_cpython() {
        let cases: [(i64, [i64; 9]); 6] = [
            (0, [1970, 1, 1, 0, 0, 0, 3, 1, 0]),
            (1_000_000_000, [2001, 9, 9, 1, 46, 40, 6, 252, 0]),
            (-1, [1969, 12, 31, 23, 59, 59, 2, 365, 0]),
            (951_782_400, [2000, 2, 29, 0, 0, 0, 1, 60, 0]),
            (-10_000_000_000, [1653, 2, 10, 6, 13, 20, 0, 41, 0]),
            (67_768_036_191_676_799, [2_147_485_547, 12, 31, 23, 59, 59, 2, 365, 0]),
        ];
        for (t, want) in cases {
            let tm = gmtime_tm(t).expect("in range");
            let got = [
                tm.year as i64 + 1900,
                tm.mon as i64 + 1,
                tm.mday as i64,
                tm.hour as i64,
                tm.min as i64,
                tm.sec as i64,
                ((tm.wday + 6) % 7) as i64,
                tm.yday as i64 + 1,
                tm.isdst as i64,
            ];
            assert_eq!(got, want, "gmtime({t})");
        }
        assert!(gmtime_tm(67_768_036_191_676_800).is_err());
    }

    #[test]
    fn asctime_format() {
        let tm = gmtime_tm(1_000_000_000).expect("in range");
        assert_eq!(asctime_string(&tm), "Sun Sep  9 01:46:40 2001");
    }
}
