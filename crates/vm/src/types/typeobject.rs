//! `type`: calling a type, creating classes (`type.__new__`), the MRO,
//! attribute access on types, and the bridge between slots and dunder
//! methods in both directions: builtin slots appear as wrapper descriptors
//! (`int.__add__`), and dunders defined by classes fill the slots.

use crate::object::protocol;
use crate::object::typeobj::*;
use crate::object::value::{PyObject, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::thread::ThreadState;
use crate::types::{bool_, descr, dict, exceptions, function, none, str as pystr, tuple};

pub static TYPE_TYPE: PyType = PyObject::new_static(
    &TYPE_TYPE,
    TypeObject::builtin::<TypeObject>("type", &TYPE_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_BASETYPE | TPFLAGS_TYPE_SUBCLASS | crate::object::typeobj::TPFLAGS_HAVE_GC),
);

/// Finish a static type: bases, MRO, inherited slots, wrapper descriptors.
pub fn ready_static(t: &'static PyType) {
    let d = &t.data;
    let bases = match d.base() {
        Some(b) => vec![b.to_value()],
        None => vec![],
    };
    d.set_bases(tuple::new_tuple(bases).expect("start-up allocation"));
    let mut mro = vec![t.to_value()];
    let mut b = d.base();
    while let Some(bt) = b {
        mro.push(bt.to_value());
        b = bt.data.base();
    }
    d.set_mro(tuple::new_tuple(mro).expect("start-up allocation"));
    add_slot_wrappers(t);
    if let Some(base) = d.base() {
        inherit_slots(d, &base.data);
    }
    let dd = d.dict();
    if dict::dict_get_str(&dd, &pystr::intern("__doc__")).is_none() {
        let doc = d.doc.or_else(|| super::builtin_docs::type_doc(&d.name())).map(pystr::new_str).unwrap_or_else(none::none);
        dict::dict_set_str(&dd, "__doc__", doc);
    }
    d.flags.set(d.flags.get() | TPFLAGS_READY);
}

fn inherit_slots(d: &TypeObject, base: &TypeObject) {
    // A type that defines __eq__ but not __hash__ is unhashable; builtins
    // set their hash slot explicitly, so only inherit both together.
    let had_cmp = d.slots.richcompare.get().is_some();
    let had_hash = d.slots.hash.get().is_some();
    d.slots.inherit_from(&base.slots);
    if had_cmp && !had_hash {
        d.slots.hash.set(None);
    }
}

// ---------------------------------------------------------------------------
// Calling a type.

fn type_call(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let ty = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if std::ptr::eq(ty, &TYPE_TYPE.data) {
        let npos = crate::object::args::npositional(args, kwnames);
        if npos == 1 && kwnames.is_none_or(|k| tuple::tuple_items(k).is_empty()) {
            return Ok(args[0].type_of().to_value());
        }
        if npos != 1 && npos != 3 {
            return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
        }
    }
    let Some(new) = ty.slots.new.get() else {
        return Err(PyErr::type_error(format!("cannot create '{}' instances", qualified_name(ty))));
    };
    let obj = new(ts, cls, args, kwnames)?;
    if !obj.type_of().is_subtype(protocol::as_pytype(cls).expect("cls is a type")) {
        return Ok(obj);
    }
    if let Some(init) = obj.type_of().data.slots.init.get() {
        init(ts, &obj, args, kwnames)?;
    }
    Ok(obj)
}

fn qualified_name(ty: &TypeObject) -> String {
    let name = ty.name();
    if ty.is_heap_type() {
        return name;
    }
    name
}

// ---------------------------------------------------------------------------
// Creating classes.

fn type_new(ts: &ThreadState, metatype: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let npos = crate::object::args::npositional(args, kwnames);
    if npos != 3 {
        return Err(PyErr::type_error("type.__new__() takes exactly 3 arguments (1 given)".replace('1', &npos.to_string())));
    }
    let (name, bases, ns) = (&args[0], &args[1], &args[2]);
    if !name.type_of().is_subtype(&pystr::STR_TYPE) {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            protocol::type_name(name)
        )));
    }
    let Some(base_items) = tuple::try_tuple_items(bases) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            protocol::type_name(bases)
        )));
    };
    let Some(nsd) = dict::as_dict(ns) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            protocol::type_name(ns)
        )));
    };
    let base_items: Vec<Value> = base_items.to_vec();

    // The most derived metaclass wins.
    let mut winner = metatype.clone();
    for b in &base_items {
        let bt = b.type_of().to_value();
        let (w, t) = (winner.as_type().expect("type"), bt.as_type().expect("type"));
        if w.is_subtype(protocol::as_pytype(&bt).expect("type")) {
            continue;
        }
        if t.is_subtype(protocol::as_pytype(&winner).expect("type")) {
            winner = bt;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if !winner.is(metatype) {
        if let Some(new) = winner.as_type().and_then(|t| t.slots.new.get()) {
            if new as usize != type_new as *const () as usize {
                return new(ts, &winner, args, kwnames);
            }
        }
    }

    let bases_v: Vec<Value> = if base_items.is_empty() { vec![super::object::OBJECT_TYPE.to_value()] } else { base_items };
    for b in &bases_v {
        let Some(bt) = b.as_type() else {
            return Err(PyErr::type_error(format!("bases must be types")));
        };
        if !bt.has_flag(TPFLAGS_BASETYPE) {
            return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
    }
    let best = best_base(&bases_v)?;
    let best_t = protocol::as_pytype(&best).expect("type");

    let tname = pystr::as_rust_str(name).into_owned();
    if tname.contains('\0') {
        return Err(PyErr::value_error("type name must not contain null characters"));
    }
    let tobj = TypeObject::heap(tname, best_t, best_t.data.flags.get() & (TPFLAGS_LONG_SUBCLASS | TPFLAGS_LIST_SUBCLASS | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_BYTES_SUBCLASS | TPFLAGS_UNICODE_SUBCLASS | TPFLAGS_DICT_SUBCLASS | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_TYPE_SUBCLASS) | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
    // A copy of the table, as PyDict_Copy: keys keep their hashes.
    let newdict = Value::new(nsd.copy())?;
    tobj.set_dict(newdict.clone());
    tobj.set_bases(tuple::new_tuple(bases_v.clone())?);

    // Instance layout: the base's extras, then __dict__, __weakref__ and slots.
    let names = slot_names();
    let slots_decl = dict::dict_get_str(&newdict, names.known(kn::SLOTS));
    let mut nextras = (tobj.basicsize.get() - tobj.extras_offset.get()) / 8;
    // Types, modules and namespaces keep their attributes in a dict of
    // their own, which subclasses use too (CPython's tp_dictoffset is set
    // on those bases): no instance dict slot and no `__dict__` descriptor
    // that would shadow theirs.
    let solid = best_t.data.solid_base();
    let own_dict = [&TYPE_TYPE, &super::module::MODULE_TYPE, &super::namespace::NAMESPACE_TYPE].iter().any(|t| std::ptr::eq(solid, *t));
    let mut add_dict = tobj.dict_slot.get() < 0 && !own_dict;
    let mut add_weak = tobj.weaklist_slot.get() < 0;
    let mut slot_names = Vec::new();
    if let Some(sd) = &slots_decl {
        let items = if sd.type_of().is_subtype(&pystr::STR_TYPE) { vec![sd.clone()] } else { protocol::collect(ts, sd)? };
        let (mut want_dict, mut want_weak) = (false, false);
        // Bases whose instances vary in size (CPython's tp_itemsize != 0) take no slots.
        let solid = best_t.data.solid_base();
        let var_sized = [&super::int::INT_TYPE, &super::tuple::TUPLE_TYPE, &super::bytes::BYTES_TYPE].iter().any(|t| std::ptr::eq(solid, *t));
        let nslots = items.len();
        for n in items {
            if !n.type_of().is_subtype(&pystr::STR_TYPE) {
                return Err(PyErr::type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    protocol::type_name(&n)
                )));
            }
            let s = pystr::as_rust_str(&n).into_owned();
            if s == "__dict__" {
                if !add_dict || want_dict {
                    return Err(PyErr::type_error("__dict__ slot disallowed: we already got one"));
                }
                want_dict = true;
            } else if s == "__weakref__" {
                if !add_weak || want_weak || var_sized {
                    return Err(PyErr::type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                }
                want_weak = true;
            } else {
                if !crate::stringlib::StrData::from_str(&s).isidentifier() {
                    return Err(PyErr::type_error("__slots__ must be identifiers"));
                }
                if dict::dict_get_str(&newdict, &n).is_some() {
                    return Err(PyErr::value_error(format!("'{s}' in __slots__ conflicts with class variable")));
                }
                slot_names.push(mangle(&pystr::as_rust_str(name), &s));
            }
        }
        if nslots > 0 && var_sized {
            return Err(PyErr::type_error(format!("nonempty __slots__ not supported for subtype of '{}'", best_t.name())));
        }
        add_dict &= want_dict;
        add_weak &= want_weak;
    }
    if add_dict {
        tobj.dict_slot.set(nextras as isize);
        nextras += 1;
    }
    if add_weak {
        tobj.weaklist_slot.set(nextras as isize);
        nextras += 1;
    }
    let first_slot = nextras;
    nextras += slot_names.len();
    tobj.basicsize.set(tobj.extras_offset.get() + nextras * 8);

    let cls = Value::new_instance(&winner, tobj)?;
    let ty = cls.as_type().expect("just created");
    if let Some(q) = dict::dict_get_str(&newdict, names.known(kn::QUALNAME)) {
        if !q.type_of().is_subtype(&pystr::STR_TYPE) {
            return Err(PyErr::type_error(format!(
                "type __qualname__ must be a str, not {}",
                protocol::type_name(&q)
            )));
        }
        ty.set_qualname(q);
        dict::dict_del_item(ts, &newdict, names.known(kn::QUALNAME))?;
    } else {
        ty.set_qualname(name.clone());
    }
    if dict::dict_get_str(&newdict, names.known(kn::MODULE)).is_none() {
        if let Some(frame_globals) = crate::eval::ceval::current_globals(ts) {
            if let Some(m) = dict::dict_get_str(&frame_globals, names.known(kn::NAME)) {
                dict::dict_set_item(ts, &newdict, names.known(kn::MODULE).clone(), m)?;
            }
        }
    }
    if dict::dict_get_str(&newdict, names.known(kn::DOC)).is_none() {
        dict::dict_set_item(ts, &newdict, names.known(kn::DOC).clone(), none::none())?;
    }
    for (nm, wrap_class) in [(names.dunder(dn::NEW), false), (names.known(kn::INIT_SUBCLASS), true), (names.known(kn::CLASS_GETITEM), true)] {
        if let Some(f) = dict::dict_get_str(&newdict, nm) {
            if f.is_exact(&function::FUNCTION_TYPE) {
                let wrapped = if wrap_class {
                    Value::new(descr::PyClassMethod { callable: std::cell::Cell::new(Some(f)), dict: dict::new_dict() })?
                } else {
                    Value::new(descr::PyStaticMethod { callable: std::cell::Cell::new(Some(f)), dict: dict::new_dict() })?
                };
                dict::dict_set_item(ts, &newdict, nm.clone(), wrapped)?;
            }
        }
    }
    if let Some(cell) = dict::dict_get_str(&newdict, names.known(kn::CLASSCELL)) {
        match cell.downcast::<super::cell::PyCell>() {
            Some(c) => c.set(Some(cls.clone())),
            None => {
                return Err(PyErr::type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    protocol::type_name(&cell)
                )))
            }
        }
        dict::dict_del_item(ts, &newdict, names.known(kn::CLASSCELL))?;
    }
    for (i, sname) in slot_names.iter().enumerate() {
        let n = pystr::intern(sname);
        let m = Value::new(descr::PyMemberDescr { name: n.clone(), index: first_slot + i, owner: cls.clone() })?;
        dict::dict_set_item(ts, &newdict, n, m)?;
    }
    if add_dict {
        let (get, set) = super::object::dict_getset();
        let d = Value::new(descr::PyGetSetDescr { name: "__dict__", get, set, owner: &super::object::OBJECT_TYPE })?;
        dict::dict_set_item(ts, &newdict, names.known(kn::DICT).clone(), d)?;
    }
    if add_weak {
        let d = Value::new(descr::PyGetSetDescr { name: "__weakref__", get: super::weakref::weakref_attr, set: None, owner: &super::object::OBJECT_TYPE })?;
        dict::dict_set_item(ts, &newdict, names.known(kn::WEAKREF).clone(), d)?;
    }

    let mro = compute_mro(&cls, &bases_v)?;
    ty.set_mro(tuple::new_tuple(mro)?);
    for b in &bases_v {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().push(protocol::as_pytype(&cls).expect("type") as *const PyType as usize);
        }
    }
    // A class defining __eq__ without __hash__ gets `__hash__ = None`.
    {
        let own = ty.dict();
        if dict::dict_get_str(&own, names.dunder(dn::EQ)).is_some() && dict::dict_get_str(&own, names.dunder(dn::HASH)).is_none() {
            dict::dict_set_item(ts, &own, names.dunder(dn::HASH).clone(), none::none())?;
        }
    }
    // READY marks the type as registered with its bases (see the Drop below).
    ty.flags.set(ty.flags.get() | TPFLAGS_READY);
    fixup_slots(ty);
    if protocol::as_pytype(&best).is_some_and(|b| b.is_subtype(&exceptions::BASE_EXCEPTION_TYPE)) {
        ty.flags.set(ty.flags.get() | TPFLAGS_BASE_EXC_SUBCLASS);
    }

    // __set_name__ on descriptors, then the parent's __init_subclass__.
    for (k, v) in dict::as_dict(&newdict).map(|d| d.items()).unwrap_or_default() {
        if let Some(set_name) = v.type_of().data.lookup(names.known(kn::SET_NAME)) {
            let bound = protocol::bind_descriptor(ts, &set_name, &v)?;
            if let Err(e) = protocol::call(ts, &bound, &[cls.clone(), k.clone()], None) {
                // 3.11 wraps the error (3.12 adds a note instead).
                let key = protocol::repr_string(ts, &k)?;
                let err = PyErr::runtime_error(format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    protocol::type_name(&v),
                    key,
                    ty.name()
                ));
                exceptions::set_context(err.value(), Some(e.value().clone()));
                exceptions::set_cause(err.value(), Some(e.value().clone()));
                return Err(err);
            }
        }
    }
    let init_sub = match parent_init_subclass(ts, &cls, names.known(kn::INIT_SUBCLASS))? {
        Some(f) => f,
        None => {
            let sup = super::super_::new_super(ts, &best_mro_next(&cls), &cls)?;
            protocol::getattr(ts, &sup, names.known(kn::INIT_SUBCLASS))?
        }
    };
    let kw_start = npos;
    protocol::call(ts, &init_sub, &args[kw_start..], kwnames)?;
    Ok(cls)
}

/// `super(cls, cls).__init_subclass__` without making the super object:
/// the first definition after `cls` in its MRO, bound as super binds it
/// (None when there is none: super's own attribute lookup then decides).
fn parent_init_subclass(ts: &ThreadState, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(t) = cls.as_type() else { return Ok(None) };
    let mro = t.mro();
    let items = tuple::tuple_items(&mro);
    let Some(pos) = items.iter().position(|x| x.is(cls)) else { return Ok(None) };
    for x in &items[pos + 1..] {
        let Some(xt) = x.as_type() else { continue };
        if let Some(attr) = dict::dict_get_str(&xt.dict(), name) {
            return match attr.type_of().data.slots.descr_get.get() {
                Some(get) => get(ts, &attr, None, Some(cls)).map(Some),
                None => Ok(Some(attr)),
            };
        }
    }
    Ok(None)
}

/// The class after `cls` itself in its MRO's first position (for super()).
fn best_mro_next(cls: &Value) -> Value {
    cls.clone()
}

fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// The base whose layout the new class extends (CPython's best_base).
fn best_base(bases: &[Value]) -> PyResult<Value> {
    let mut winner: Option<Value> = None;
    let mut winner_solid: *const PyType = std::ptr::null();
    for b in bases {
        let bt = b.as_type().expect("checked");
        let solid = bt.solid_base();
        let b_extends = |x: *const PyType, y: *const PyType| -> bool {
            // SAFETY: solid bases are live static types.
            unsafe { (*x).is_subtype(&*y) }
        };
        if winner.is_none() {
            winner = Some(b.clone());
            winner_solid = solid;
        } else if b_extends(winner_solid, solid) {
            // winner's layout already extends this one
        } else if b_extends(solid, winner_solid) {
            winner = Some(b.clone());
            winner_solid = solid;
        } else {
            return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
        }
    }
    // Prefer the first base when its layout is the winning one.
    let first = &bases[0];
    if first.as_type().expect("checked").solid_base() == winner_solid {
        return Ok(first.clone());
    }
    Ok(winner.expect("at least one base"))
}

/// C3 linearization, with CPython's error for inconsistent hierarchies.
fn compute_mro(cls: &Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = Vec::new();
    for b in bases {
        let bt = b.as_type().expect("checked");
        seqs.push(tuple::tuple_items(&bt.mro()).to_vec());
    }
    seqs.push(bases.to_vec());
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                b.as_type().map(|t| t.name()).unwrap_or_default()
            )));
        }
    }
    let mut result = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|other| other[1..].iter().any(|x| x.is(head))) {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].as_type().map(|t| t.name()).unwrap_or_default();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

// ---------------------------------------------------------------------------
// Slots of heap types: call the dunder found on the type.

/// Set every slot of a heap type from its MRO: a dunder defined in Python
/// gets the generic slot function; a builtin's wrapper keeps the builtin slot.
pub fn fixup_slots(ty: &TypeObject) {
    let names = slot_names();
    // Only the dunders the class defines itself can make its slots differ
    // from those of an empty class with the same base and MRO tail.
    let from_base = match base_with_same_lookups(ty) {
        Some(base) if base.is_heap_type() => {
            // The base's slots are up to date with its MRO.
            ty.slots.copy_from(&base.slots);
            true
        }
        Some(base) => copy_builtin_base_template(ty, base, &names),
        None => false,
    };
    if from_base {
        let mut groups = 0u64;
        let own = ty.dict();
        if let Some(d) = dict::as_dict(&own) {
            for (_, hash, key, _) in d.table().iter() {
                if let Some(i) = names.find(hash, |n| key.is(n) || is_same_exact_str(key, n)) {
                    groups |= DUNDER_GROUPS[i];
                }
            }
        }
        let mut found = Found::lazy(ty, &names);
        install_groups(ty, groups, &mut found, true);
    } else {
        let mut found = Found::from_mro(ty, &names, 0);
        install_groups(ty, ALL_GROUPS, &mut found, true);
        copy_sequence_slots(ty);
    }
    ty.modified();
}

/// The sequence slots have no dunder of their own (they hide behind
/// `__add__`/`__mul__`): always the base's.
fn copy_sequence_slots(ty: &TypeObject) {
    if let Some(base) = ty.base() {
        let (s, b) = (&ty.slots, &base.data.slots);
        s.concat.set(b.concat.get());
        s.inplace_concat.set(b.inplace_concat.get());
        s.repeat.set(b.repeat.get());
        s.inplace_repeat.set(b.inplace_repeat.get());
    }
}

/// The base of `ty` when `ty`'s MRO is `ty` followed by that base's MRO
/// (and a heap base is ready): then any dunder `ty` does not define
/// resolves exactly as in the base.
fn base_with_same_lookups(ty: &TypeObject) -> Option<&TypeObject> {
    let base = &ty.base()?.data;
    if base.is_heap_type() && !base.has_flag(TPFLAGS_READY) {
        return None;
    }
    let (mro, base_mro) = (ty.mro(), base.mro());
    let (mine, theirs) = (tuple::tuple_items(&mro), tuple::tuple_items(&base_mro));
    let same = mine.len() == theirs.len() + 1
        && std::ptr::eq(mine[0].type_payload_ptr(), ty)
        && mine[1..].iter().zip(theirs).all(|(a, b)| a.is(b));
    same.then_some(base)
}

/// The slots an empty class deriving from a builtin type gets, with what
/// they were computed from: the dicts of the builtin's MRO (by version) and
/// the builtin's own slots (the fallbacks).
struct BuiltinBaseTemplate {
    base: *const TypeObject,
    versions: Vec<u64>,
    base_slots: Box<Slots>,
    slots: Box<Slots>,
}

thread_local! {
    static BUILTIN_BASE_TEMPLATES: std::cell::RefCell<Vec<BuiltinBaseTemplate>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Versions of the dicts along the MRO of `t`.
fn mro_dict_versions(t: &TypeObject) -> Vec<u64> {
    let mro = t.mro();
    tuple::tuple_items(&mro)
        .iter()
        .map(|x| x.as_type().and_then(|xt| dict::as_dict(&xt.dict()).map(|d| d.version())).unwrap_or(0))
        .collect()
}

/// Give `ty` (whose MRO is `ty` then builtin `base`'s MRO) the slots of an
/// empty class with that base, computed once per builtin base and reused
/// while nothing they depend on changes. Returns false when not possible.
fn copy_builtin_base_template(ty: &TypeObject, base: &TypeObject, names: &SlotNames) -> bool {
    let versions = mro_dict_versions(base);
    let reused = BUILTIN_BASE_TEMPLATES.with(|c| {
        let c = c.borrow();
        let tpl = c.iter().find(|t| std::ptr::eq(t.base, base))?;
        (tpl.versions == versions && tpl.base_slots.same_as(&base.slots)).then(|| ty.slots.copy_from(&tpl.slots))
    });
    if reused.is_some() {
        return true;
    }
    // Resolve past `ty` itself: as for a class with an empty dict.
    let mut found = Found::from_mro(ty, names, 1);
    install_groups(ty, ALL_GROUPS, &mut found, false);
    copy_sequence_slots(ty);
    let tpl = BuiltinBaseTemplate {
        base,
        versions,
        base_slots: Box::new(Slots::EMPTY),
        slots: Box::new(Slots::EMPTY),
    };
    tpl.base_slots.copy_from(&base.slots);
    tpl.slots.copy_from(&ty.slots);
    BUILTIN_BASE_TEMPLATES.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|t| !std::ptr::eq(t.base, base));
        c.push(tpl);
    });
    true
}

/// Exact str `key` equal to `name` (how a type dict lookup compares keys).
fn is_same_exact_str(key: &Value, name: &Value) -> bool {
    match (key.downcast_exact::<pystr::PyStr>(), name.downcast_exact::<pystr::PyStr>()) {
        (Some(a), Some(b)) => a.eq_str(b),
        _ => false,
    }
}

/// After `name` was assigned or deleted on the class `t`: reinstall the
/// slots depending on that dunder, on `t` and every subclass.
fn update_slots_for_name(t: &TypeObject, name: &Value) {
    let Some(s) = pystr::as_pystr(name) else { return };
    let names = slot_names();
    let text = pystr::as_rust_str(name);
    let Some(i) = names.find(s.hash(), |n| pystr::as_rust_str(n) == text) else { return };
    update_groups_recursive(t, DUNDER_GROUPS[i], &names);
}

fn update_groups_recursive(t: &TypeObject, groups: u64, names: &SlotNames) {
    let mut found = Found::lazy(t, names);
    if install_groups(t, groups, &mut found, true) {
        t.modified();
    }
    let subs: Vec<usize> = t.subclasses.borrow().clone();
    for s in subs {
        // SAFETY: subclasses unregister themselves before being freed.
        let sub = unsafe { &*(s as *const PyType) };
        update_groups_recursive(&sub.data, groups, names);
    }
}

/// Indices into `SLOT_DUNDERS`: the 13 binary operators' dunders, their
/// reflections and in-place forms (in `nb` order), then the others.
mod dn {
    use crate::object::typeobj::nb;
    pub const BIN: usize = 0;
    pub const RBIN: usize = 13;
    pub const IBIN: usize = 26;
    pub const POW: usize = BIN + nb::POWER;
    pub const REPR: usize = 39;
    pub const STR: usize = 40;
    pub const HASH: usize = 41;
    pub const LT: usize = 42;
    pub const LE: usize = 43;
    pub const EQ: usize = 44;
    pub const NE: usize = 45;
    pub const GT: usize = 46;
    pub const GE: usize = 47;
    pub const GETATTRIBUTE: usize = 48;
    pub const GETATTR: usize = 49;
    pub const SETATTR: usize = 50;
    pub const DELATTR: usize = 51;
    pub const CALL: usize = 52;
    pub const ITER: usize = 53;
    pub const NEXT: usize = 54;
    pub const GET: usize = 55;
    pub const SET: usize = 56;
    pub const DELETE: usize = 57;
    pub const INIT: usize = 58;
    pub const NEW: usize = 59;
    pub const BOOL: usize = 60;
    pub const LEN: usize = 61;
    pub const GETITEM: usize = 62;
    pub const SETITEM: usize = 63;
    pub const DELITEM: usize = 64;
    pub const CONTAINS: usize = 65;
    pub const NEG: usize = 66;
    pub const POS: usize = 67;
    pub const ABS: usize = 68;
    pub const INVERT: usize = 69;
    pub const INT: usize = 70;
    pub const FLOAT: usize = 71;
    pub const INDEX: usize = 72;
    pub const DEL: usize = 73;
    pub const COUNT: usize = 74;
}

/// Every dunder some slot of a heap type depends on.
static SLOT_DUNDERS: [&str; dn::COUNT] = [
    "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__", "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__",
    "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__", "__rmul__", "__rmod__", "__ror__", "__rpow__", "__rrshift__", "__rsub__", "__rtruediv__", "__rxor__",
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__",
    "__repr__", "__str__", "__hash__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
    "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__call__", "__iter__", "__next__",
    "__get__", "__set__", "__delete__", "__init__", "__new__", "__bool__", "__len__", "__getitem__",
    "__setitem__", "__delitem__", "__contains__", "__neg__", "__pos__", "__abs__", "__invert__", "__int__",
    "__float__", "__index__", "__del__",
];

/// Groups of slots installed together, as bits: the binary operator slots
/// are groups 0..26 (`nb` numbering), then the others.
mod grp {
    pub const REPR: u32 = 26;
    pub const STR: u32 = 27;
    pub const HASH: u32 = 28;
    pub const RICHCMP: u32 = 29;
    pub const GETATTRO: u32 = 30;
    pub const SETATTRO: u32 = 31;
    pub const CALL: u32 = 32;
    pub const ITER: u32 = 33;
    pub const NEXT: u32 = 34;
    pub const DESCR_GET: u32 = 35;
    pub const DESCR_SET: u32 = 36;
    pub const INIT: u32 = 37;
    pub const NEW: u32 = 38;
    pub const BOOL: u32 = 39;
    pub const LEN: u32 = 40;
    pub const GETITEM: u32 = 41;
    pub const SETITEM: u32 = 42;
    pub const CONTAINS: u32 = 43;
    pub const NEG: u32 = 44;
    pub const POS: u32 = 45;
    pub const ABS: u32 = 46;
    pub const INVERT: u32 = 47;
    pub const INT: u32 = 48;
    pub const FLOAT: u32 = 49;
    pub const INDEX: u32 = 50;
    pub const POWER3: u32 = 51;
    pub const FINALIZE: u32 = 52;
    pub const COUNT: u32 = 53;
}

const ALL_GROUPS: u64 = (1 << grp::COUNT) - 1;

const fn bit(g: u32) -> u64 {
    1 << g
}

/// For each dunder of `SLOT_DUNDERS`, the groups whose slots depend on it.
static DUNDER_GROUPS: [u64; dn::COUNT] = {
    let mut t = [0u64; dn::COUNT];
    let mut op = 0;
    while op < nb::INPLACE {
        t[dn::BIN + op] = bit(op as u32);
        t[dn::RBIN + op] = bit(op as u32);
        t[dn::IBIN + op] = bit((nb::INPLACE + op) as u32);
        op += 1;
    }
    t[dn::POW] |= bit(grp::POWER3);
    t[dn::REPR] = bit(grp::REPR);
    t[dn::STR] = bit(grp::STR);
    t[dn::HASH] = bit(grp::HASH);
    t[dn::LT] = bit(grp::RICHCMP);
    t[dn::LE] = bit(grp::RICHCMP);
    // The hash slot looks at the class's own `__eq__`.
    t[dn::EQ] = bit(grp::RICHCMP) | bit(grp::HASH);
    t[dn::NE] = bit(grp::RICHCMP);
    t[dn::GT] = bit(grp::RICHCMP);
    t[dn::GE] = bit(grp::RICHCMP);
    t[dn::GETATTRIBUTE] = bit(grp::GETATTRO);
    t[dn::GETATTR] = bit(grp::GETATTRO);
    t[dn::SETATTR] = bit(grp::SETATTRO);
    t[dn::DELATTR] = bit(grp::SETATTRO);
    t[dn::CALL] = bit(grp::CALL);
    t[dn::ITER] = bit(grp::ITER);
    t[dn::NEXT] = bit(grp::NEXT);
    t[dn::GET] = bit(grp::DESCR_GET);
    t[dn::SET] = bit(grp::DESCR_SET);
    t[dn::DELETE] = bit(grp::DESCR_SET);
    t[dn::INIT] = bit(grp::INIT);
    t[dn::NEW] = bit(grp::NEW);
    t[dn::BOOL] = bit(grp::BOOL);
    t[dn::LEN] = bit(grp::LEN) | bit(grp::BOOL);
    t[dn::GETITEM] = bit(grp::GETITEM);
    t[dn::SETITEM] = bit(grp::SETITEM);
    t[dn::DELITEM] = bit(grp::SETITEM);
    t[dn::CONTAINS] = bit(grp::CONTAINS);
    t[dn::NEG] = bit(grp::NEG);
    t[dn::POS] = bit(grp::POS);
    t[dn::ABS] = bit(grp::ABS);
    t[dn::INVERT] = bit(grp::INVERT);
    t[dn::INT] = bit(grp::INT);
    t[dn::FLOAT] = bit(grp::FLOAT);
    t[dn::INDEX] = bit(grp::INDEX);
    t[dn::DEL] = bit(grp::FINALIZE);
    t
};

/// Indices into `KNOWN_NAMES`.
mod kn {
    pub const SLOTS: usize = 0;
    pub const QUALNAME: usize = 1;
    pub const MODULE: usize = 2;
    pub const NAME: usize = 3;
    pub const DOC: usize = 4;
    pub const INIT_SUBCLASS: usize = 5;
    pub const CLASS_GETITEM: usize = 6;
    pub const CLASSCELL: usize = 7;
    pub const DICT: usize = 8;
    pub const WEAKREF: usize = 9;
    pub const SET_NAME: usize = 10;
    pub const ABSTRACTMETHODS: usize = 11;
    pub const ANNOTATIONS: usize = 12;
    pub const COUNT: usize = 13;
}

/// Other names class creation and type attributes use, interned once.
static KNOWN_NAMES: [&str; kn::COUNT] = ["__slots__", "__qualname__", "__module__", "__name__", "__doc__", "__init_subclass__", "__class_getitem__", "__classcell__", "__dict__", "__weakref__", "__set_name__", "__abstractmethods__", "__annotations__"];

/// Size of the hash-indexed table of `SlotNames` (a power of two, well
/// above the number of names so that most misses end at once).
const NAME_TABLE_SIZE: usize = 256;

/// The interned `SLOT_DUNDERS` of the running interpreter, findable by hash.
struct SlotNames {
    /// Address of the interpreter whose strings these are.
    owner: usize,
    names: Vec<Value>,
    hashes: Vec<isize>,
    /// `KNOWN_NAMES`, interned.
    known: Vec<Value>,
    /// Open addressing by hash: index into `names` plus one, 0 when empty.
    table: [u8; NAME_TABLE_SIZE],
}

impl SlotNames {
    fn new(owner: usize) -> SlotNames {
        let names: Vec<Value> = SLOT_DUNDERS.iter().map(|n| pystr::intern(n)).collect();
        let hashes: Vec<isize> = names.iter().map(pystr::str_hash).collect();
        let mut table = [0u8; NAME_TABLE_SIZE];
        for (i, h) in hashes.iter().enumerate() {
            let mut p = *h as usize & (NAME_TABLE_SIZE - 1);
            while table[p] != 0 {
                p = (p + 1) & (NAME_TABLE_SIZE - 1);
            }
            table[p] = (i + 1) as u8;
        }
        let known = KNOWN_NAMES.iter().map(|n| pystr::intern(n)).collect();
        SlotNames { owner, names, hashes, known, table }
    }

    /// A name of `KNOWN_NAMES` (`kn::*`).
    fn known(&self, i: usize) -> &Value {
        &self.known[i]
    }

    /// A name of `SLOT_DUNDERS` (`dn::*`).
    fn dunder(&self, i: usize) -> &Value {
        &self.names[i]
    }

    /// The index of the name with this hash that `same` accepts.
    #[inline]
    fn find(&self, hash: isize, same: impl Fn(&Value) -> bool) -> Option<usize> {
        let mut p = hash as usize & (NAME_TABLE_SIZE - 1);
        loop {
            let e = self.table[p] as usize;
            if e == 0 {
                return None;
            }
            if self.hashes[e - 1] == hash && same(&self.names[e - 1]) {
                return Some(e - 1);
            }
            p = (p + 1) & (NAME_TABLE_SIZE - 1);
        }
    }
}

thread_local! {
    static SLOT_NAMES: std::cell::RefCell<Option<std::rc::Rc<SlotNames>>> = const { std::cell::RefCell::new(None) };
}

/// A name of `KNOWN_NAMES`, interned.
fn known_name(i: usize) -> Value {
    slot_names().known(i).clone()
}

/// The slot dunders interned once per interpreter (not on every lookup).
fn slot_names() -> std::rc::Rc<SlotNames> {
    let owner = ThreadState::current().map_or(0, |ts| ts.interp() as *const _ as usize);
    SLOT_NAMES.with(|c| {
        if let Some(n) = c.borrow().as_ref().filter(|n| n.owner == owner) {
            return n.clone();
        }
        let n = std::rc::Rc::new(SlotNames::new(owner));
        *c.borrow_mut() = Some(n.clone());
        n
    })
}

/// What each slot dunder resolves to on a type (`TypeObject::lookup`).
struct Found<'a> {
    ty: &'a TypeObject,
    names: &'a SlotNames,
    /// None: not looked up yet.
    vals: [Option<Option<Value>>; dn::COUNT],
}

impl<'a> Found<'a> {
    /// Names are looked up when first asked for.
    fn lazy(ty: &'a TypeObject, names: &'a SlotNames) -> Found<'a> {
        Found { ty, names, vals: [const { None }; dn::COUNT] }
    }

    /// All names resolved in one pass over the dicts of the MRO (keeping
    /// the first definition of each), instead of one MRO walk per name.
    /// The first `skip` types of the MRO are left out.
    fn from_mro(ty: &'a TypeObject, names: &'a SlotNames, skip: usize) -> Found<'a> {
        let mut vals: [Option<Option<Value>>; dn::COUNT] = [const { Some(None) }; dn::COUNT];
        let mro = ty.mro();
        for t in tuple::tuple_items(&mro).iter().skip(skip) {
            let Some(t) = t.as_type() else { continue };
            let td = t.dict();
            let Some(d) = dict::as_dict(&td) else { continue };
            for (_, hash, key, value) in d.table().iter() {
                if let Some(i) = names.find(hash, |n| key.is(n) || is_same_exact_str(key, n)) {
                    if let Some(slot @ None) = &mut vals[i] {
                        *slot = Some(value.clone());
                    }
                }
            }
        }
        Found { ty, names, vals }
    }

    fn get(&mut self, i: usize) -> Option<Value> {
        if let Some(v) = &self.vals[i] {
            return v.clone();
        }
        let v = self.ty.lookup(&self.names.names[i]);
        self.vals[i] = Some(v.clone());
        v
    }

    /// The native slot of the builtin wrapper descriptor found for a dunder.
    fn native(&mut self, i: usize) -> Option<NativeSlot> {
        self.get(i).and_then(|f| f.downcast::<WrapperDescr>().map(|w| w.native))
    }

    /// Whether the dunder is found and is not a builtin's wrapper descriptor.
    fn python(&mut self, i: usize) -> bool {
        self.get(i).is_some_and(|f| f.downcast::<WrapperDescr>().is_none())
    }
}

/// A slot set from one dunder: the builtin's slot when the dunder is its
/// wrapper, else the generic slot function when defined (`None` clears it
/// when `none_clears`), else the base's.
fn simple_slot_value<F>(native: Option<F>, found: &Option<Value>, none_clears: bool, generic: F, base: Option<F>) -> Option<F> {
    if native.is_some() {
        return native;
    }
    match found {
        Some(v) if none_clears && none::is_none(v) => None,
        Some(_) => Some(generic),
        None => base,
    }
}

/// Install the slots of the groups in `groups` from what the dunders
/// resolve to; returns whether the type's dict was changed. Without
/// `own_dict` the class's dict is taken as empty (and left alone).
fn install_groups(t: &TypeObject, groups: u64, f: &mut Found, own_dict: bool) -> bool {
    let base = t.base().map(|b| &b.data);
    let mut dict_changed = false;
    macro_rules! simple {
        ($i:expr, $field:ident, $variant:ident, $generic:expr, $none_clears:expr) => {{
            let found = f.get($i);
            let native = match found.as_ref().and_then(|x| x.downcast::<WrapperDescr>()).map(|w| w.native) {
                Some(NativeSlot::$variant(n)) => Some(n),
                _ => None,
            };
            t.slots.$field.set(simple_slot_value(native, &found, $none_clears, $generic, base.and_then(|b| b.slots.$field.get())));
        }};
    }
    let mut rest = groups;
    while rest != 0 {
        let g = rest.trailing_zeros();
        rest &= rest - 1;
        match g {
            op if op < nb::INPLACE as u32 => {
                let op = op as usize;
                let v = if f.python(dn::BIN + op) || f.python(dn::RBIN + op) { Some(BINARY_SLOTS[op]) } else { base.and_then(|b| b.slots.binary[op].get()) };
                t.slots.binary[op].set(v);
            }
            op if op < nb::COUNT as u32 => {
                let op = op as usize;
                let v = if f.python(dn::IBIN + op - nb::INPLACE) { Some(BINARY_SLOTS[op]) } else { base.and_then(|b| b.slots.binary[op].get()) };
                t.slots.binary[op].set(v);
            }
            grp::REPR => simple!(dn::REPR, repr, Repr, slot_repr as ReprFn, true),
            grp::STR => simple!(dn::STR, str, Repr, slot_str as ReprFn, true),
            grp::HASH => {
                let found = f.get(dn::HASH);
                let own = t.dict();
                let names = f.names;
                let eq_here = || own_dict && dict::dict_get_str(&own, &names.names[dn::EQ]).is_some();
                let v: Option<HashFn> = match found.as_ref().and_then(|x| x.downcast::<WrapperDescr>()).map(|w| w.native) {
                    Some(NativeSlot::Hash(h)) => Some(h),
                    _ => match &found {
                        Some(x) if none::is_none(x) => None,
                        Some(_) => Some(slot_hash),
                        // Defining __eq__ without __hash__ makes instances unhashable.
                        None if eq_here() => None,
                        None => base.and_then(|b| b.slots.hash.get()),
                    },
                };
                t.slots.hash.set(v);
                if v.is_none() && eq_here() && dict::dict_get_str(&own, &names.names[dn::HASH]).is_none() {
                    dict::dict_set_str(&own, "__hash__", none::none());
                    dict_changed = true;
                }
            }
            grp::RICHCMP => {
                // Any comparison dunder anywhere in the MRO selects the generic slot.
                let any_python = [dn::EQ, dn::NE, dn::LT, dn::LE, dn::GT, dn::GE].into_iter().any(|i| f.python(i));
                let v = if any_python {
                    Some(slot_richcompare as RichCmpFn)
                } else {
                    match f.native(dn::EQ) {
                        Some(NativeSlot::Cmp(c)) => Some(c),
                        _ => base.and_then(|b| b.slots.richcompare.get()),
                    }
                };
                t.slots.richcompare.set(v);
            }
            grp::GETATTRO => {
                let v = match f.native(dn::GETATTRIBUTE) {
                    Some(NativeSlot::GetAttr(g)) => Some(g),
                    _ if f.get(dn::GETATTRIBUTE).is_some() => Some(slot_getattro as GetAttrFn),
                    _ => base.and_then(|b| b.slots.getattro.get()),
                };
                // `__getattr__` is called when `__getattribute__` fails.
                t.slots.getattro.set(if f.get(dn::GETATTR).is_some() { Some(slot_getattr_hook) } else { v });
            }
            grp::SETATTRO => {
                let v = if f.python(dn::SETATTR) || f.python(dn::DELATTR) {
                    Some(slot_setattro as SetAttrFn)
                } else {
                    match f.native(dn::SETATTR) {
                        Some(NativeSlot::SetAttr(s)) => Some(s),
                        _ => base.and_then(|b| b.slots.setattro.get()),
                    }
                };
                t.slots.setattro.set(v);
            }
            grp::CALL => simple!(dn::CALL, call, Call, slot_call as CallFn, false),
            grp::ITER => simple!(dn::ITER, iter, Unary, slot_iter as UnaryFn, true),
            grp::NEXT => simple!(dn::NEXT, iternext, Next, slot_iternext as IterNextFn, false),
            grp::DESCR_GET => simple!(dn::GET, descr_get, DescrGet, slot_descr_get as DescrGetFn, false),
            grp::DESCR_SET => {
                let v = match f.native(dn::SET) {
                    Some(NativeSlot::DescrSet(s)) => Some(s),
                    _ if f.python(dn::SET) || f.python(dn::DELETE) => Some(slot_descr_set as DescrSetFn),
                    _ => base.and_then(|b| b.slots.descr_set.get()),
                };
                t.slots.descr_set.set(v);
            }
            grp::INIT => simple!(dn::INIT, init, Init, slot_init as InitFn, false),
            grp::NEW => {
                // A Python-level __new__ anywhere below the first builtin base wins.
                let found = f.get(dn::NEW);
                let is_builtin = found.as_ref().is_some_and(|x| {
                    x.downcast::<function::PyBuiltinFunction>().is_some_and(|b| b.func as *const () == tp_new_wrapper as *const ())
                        || x.downcast::<descr::PyStaticMethod>().is_some_and(|sm| {
                            let c = sm.callable.take();
                            sm.callable.set(c.clone());
                            c.is_some_and(|c| c.downcast::<function::PyBuiltinFunction>().is_some())
                        })
                });
                let v = if found.is_some() && !is_builtin { Some(slot_new as CallFn) } else { base.and_then(|b| b.slots.new.get()) };
                t.slots.new.set(v);
            }
            grp::BOOL => {
                let v = match f.native(dn::BOOL) {
                    Some(NativeSlot::Inquiry(b)) => Some(b),
                    _ if f.python(dn::BOOL) || f.python(dn::LEN) => Some(slot_bool as InquiryFn),
                    _ => base.and_then(|b| b.slots.bool.get()),
                };
                t.slots.bool.set(v);
            }
            grp::LEN => simple!(dn::LEN, length, Len, slot_len as LenFn, false),
            grp::GETITEM => simple!(dn::GETITEM, subscript, Binary, slot_getitem as BinaryFn, false),
            grp::SETITEM => {
                let v = match f.native(dn::SETITEM) {
                    Some(NativeSlot::AssSub(s)) => Some(s),
                    _ if f.python(dn::SETITEM) || f.python(dn::DELITEM) => Some(slot_setitem as AssSubscriptFn),
                    _ => base.and_then(|b| b.slots.ass_subscript.get()),
                };
                t.slots.ass_subscript.set(v);
            }
            // `__contains__ = None` keeps the generic slot, which then raises.
            grp::CONTAINS => simple!(dn::CONTAINS, contains, Contains, slot_contains as ContainsFn, false),
            grp::NEG => simple!(dn::NEG, negative, Unary, slot_neg as UnaryFn, true),
            grp::POS => simple!(dn::POS, positive, Unary, slot_pos as UnaryFn, true),
            grp::ABS => simple!(dn::ABS, absolute, Unary, slot_abs as UnaryFn, true),
            grp::INVERT => simple!(dn::INVERT, invert, Unary, slot_invert as UnaryFn, true),
            grp::INT => simple!(dn::INT, int, Unary, slot_int as UnaryFn, true),
            grp::FLOAT => simple!(dn::FLOAT, float, Unary, slot_float as UnaryFn, true),
            grp::INDEX => simple!(dn::INDEX, index, Unary, slot_index as UnaryFn, true),
            grp::POWER3 => simple!(dn::POW, power3, Ternary, slot_power3 as TernaryFn, false),
            grp::FINALIZE => t.slots.finalize.set(if f.get(dn::DEL).is_some() { Some(slot_finalize as FinalizeFn) } else { None }),
            _ => {}
        }
    }
    dict_changed
}

/// A native slot value kept by a wrapper descriptor.
#[derive(Clone, Copy)]
pub enum NativeSlot {
    Repr(ReprFn),
    Hash(HashFn),
    Cmp(RichCmpFn),
    GetAttr(GetAttrFn),
    SetAttr(SetAttrFn),
    Call(CallFn),
    Unary(UnaryFn),
    Next(IterNextFn),
    DescrGet(DescrGetFn),
    DescrSet(DescrSetFn),
    Init(InitFn),
    Binary(BinaryFn),
    Ternary(TernaryFn),
    Inquiry(InquiryFn),
    Len(LenFn),
    Contains(ContainsFn),
    AssSub(AssSubscriptFn),
}

/// A slot and the dunder that exposes it.
pub struct SlotDef {
    pub name: &'static str,
    /// Read the native slot from a type (for wrapper descriptors).
    read: fn(&TypeObject) -> Option<NativeSlot>,
    /// Call the native slot from Python: wrapper(self, args).
    call: fn(&ThreadState, NativeSlot, &Value, &[Value], Option<&Value>) -> PyResult<Value>,
}

/// A wrapper descriptor (`int.__add__`): a builtin slot seen as a method.
pub struct WrapperDescr {
    pub def: &'static SlotDef,
    pub native: NativeSlot,
    pub owner: &'static PyType,
}

pub struct MethodWrapper {
    pub descr: Value,
    pub self_: Value,
}

pub static WRAPPER_DESCR_TYPE: PyType = PyObject::new_static(
    &TYPE_TYPE,
    TypeObject::builtin::<WrapperDescr>("wrapper_descriptor", &WRAPPER_DESCR_TYPE, Some(&super::object::OBJECT_TYPE), 0),
);
pub static METHOD_WRAPPER_TYPE: PyType = PyObject::new_static(
    &TYPE_TYPE,
    // Tracked as CPython's: a million-deep `f.__call__.__call__...` chain is
    // freed through the trashcan, not by native recursion.
    TypeObject::builtin::<MethodWrapper>("method-wrapper", &METHOD_WRAPPER_TYPE, Some(&super::object::OBJECT_TYPE), TPFLAGS_HAVE_GC),
);

impl crate::object::value::PyPayload for WrapperDescr {
    fn class() -> &'static PyType {
        &WRAPPER_DESCR_TYPE
    }
}
impl crate::object::value::PyPayload for MethodWrapper {
    fn class() -> &'static PyType {
        &METHOD_WRAPPER_TYPE
    }
}

fn add_slot_wrappers(t: &'static PyType) {
    if std::ptr::eq(t, &WRAPPER_DESCR_TYPE) || std::ptr::eq(t, &METHOD_WRAPPER_TYPE) {
        // their own slots are not exposed (avoids wrapper-of-wrapper cycles at start-up)
    }
    let d = t.data.dict();
    for def in SLOTDEFS {
        if let Some(native) = (def.read)(&t.data) {
            // Only slots this type defines itself, not inherited ones.
            let inherited = t.data.base().is_some_and(|b| (def.read)(&b.data).map(native_addr) == Some(native_addr(native)));
            if inherited || dict::dict_get_str(&d, &pystr::intern(def.name)).is_some() {
                continue;
            }
            if def.name == "__new__" {
                continue;
            }
            // Unhashable builtins (list, dict, set) show `__hash__ = None`, as PyType_Ready does.
            if def.name == "__hash__" && native_addr(native) == super::object::hash_not_implemented as *const () as usize {
                dict::dict_set_str(&d, "__hash__", none::none());
                continue;
            }
            let w = Value::new(WrapperDescr { def, native, owner: t }).expect("start-up allocation");
            dict::dict_set_str(&d, def.name, w);
        }
    }
    if t.data.slots.new.get().is_some() && dict::dict_get_str(&d, &pystr::intern("__new__")).is_none() {
        let inherited = t.data.base().is_some_and(|b| b.data.slots.new.get().map(|f| f as usize) == t.data.slots.new.get().map(|f| f as usize));
        if !inherited {
            let f = Value::new(function::PyBuiltinFunction { name: "__new__", func: tp_new_wrapper, self_: Some(t.to_value()), module: None })
                .expect("start-up allocation");
            // CPython stores the bound builtin itself (`list.__dict__['__new__']`).
            dict::dict_set_str(&d, "__new__", f);
        }
    }
}

fn native_addr(n: NativeSlot) -> usize {
    match n {
        NativeSlot::Repr(f) => f as usize,
        NativeSlot::Hash(f) => f as usize,
        NativeSlot::Cmp(f) => f as usize,
        NativeSlot::GetAttr(f) => f as usize,
        NativeSlot::SetAttr(f) => f as usize,
        NativeSlot::Call(f) => f as usize,
        NativeSlot::Unary(f) => f as usize,
        NativeSlot::Next(f) => f as usize,
        NativeSlot::DescrGet(f) => f as usize,
        NativeSlot::DescrSet(f) => f as usize,
        NativeSlot::Init(f) => f as usize,
        NativeSlot::Binary(f) => f as usize,
        NativeSlot::Ternary(f) => f as usize,
        NativeSlot::Inquiry(f) => f as usize,
        NativeSlot::Len(f) => f as usize,
        NativeSlot::Contains(f) => f as usize,
        NativeSlot::AssSub(f) => f as usize,
    }
}

/// `T.__new__(cls, ...)` for builtin types: checks cls is a subtype of T.
fn tp_new_wrapper(ts: &ThreadState, owner: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let owner_t = owner.as_type().ok_or_else(|| PyErr::type_error("bad __new__"))?;
    let npos = crate::object::args::npositional(args, kwnames);
    if npos == 0 {
        return Err(PyErr::type_error(format!("{}.__new__(): not enough arguments", owner_t.name())));
    }
    let cls = &args[0];
    let Some(ct) = cls.as_type() else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner_t.name(),
            protocol::type_name(cls)
        )));
    };
    if !ct.is_subtype(protocol::as_pytype(owner).expect("type")) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner_t.name(),
            ct.name(),
            ct.name(),
            owner_t.name()
        )));
    }
    // The instance layout comes from the nearest base with a native __new__:
    // a different builtin's __new__ would build an object of the wrong layout.
    let mut staticbase = Some(ct);
    while let Some(sb) = staticbase {
        if sb.slots.new.get().map(|f| f as *const ()) != Some(slot_new as *const ()) {
            break;
        }
        staticbase = sb.base().map(|b| &b.data);
    }
    if let Some(sb) = staticbase {
        if sb.slots.new.get().map(|f| f as *const ()) != owner_t.slots.new.get().map(|f| f as *const ()) {
            return Err(PyErr::type_error(format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                owner_t.name(),
                ct.name(),
                sb.name()
            )));
        }
    }
    let new = owner_t.slots.new.get().ok_or_else(|| PyErr::type_error("no __new__"))?;
    new(ts, cls, &args[1..], kwnames)
}

fn wrapper_get(_ts: &ThreadState, d: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    match obj {
        None => Ok(d.clone()),
        Some(o) => {
            let w = d.downcast::<WrapperDescr>().ok_or_else(|| PyErr::type_error("bad wrapper"))?;
            check_wrapper_self(w, o)?;
            Value::new(MethodWrapper { descr: d.clone(), self_: o.clone() })
        }
    }
}

fn check_wrapper_self(w: &WrapperDescr, o: &Value) -> PyResult<()> {
    if !o.type_of().is_subtype(w.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            w.def.name,
            w.owner.name(),
            protocol::type_name(o)
        )));
    }
    Ok(())
}

fn wrapper_call(ts: &ThreadState, d: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let w = d.downcast::<WrapperDescr>().ok_or_else(|| PyErr::type_error("bad wrapper"))?;
    if args.is_empty() {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.def.name,
            w.owner.name()
        )));
    }
    check_wrapper_self(w, &args[0])?;
    (w.def.call)(ts, w.native, &args[0], &args[1..], kwnames)
}

fn wrapper_repr(_ts: &ThreadState, d: &Value) -> PyResult<Value> {
    let w = d.downcast::<WrapperDescr>().ok_or_else(|| PyErr::type_error("bad wrapper"))?;
    Ok(pystr::new_str(&format!("<slot wrapper '{}' of '{}' objects>", w.def.name, w.owner.name())))
}

fn method_wrapper_call(ts: &ThreadState, m: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let mw = m.downcast::<MethodWrapper>().ok_or_else(|| PyErr::type_error("bad method-wrapper"))?;
    let w = mw.descr.downcast::<WrapperDescr>().ok_or_else(|| PyErr::type_error("bad wrapper"))?;
    (w.def.call)(ts, w.native, &mw.self_, args, kwnames)
}

fn method_wrapper_repr(_ts: &ThreadState, m: &Value) -> PyResult<Value> {
    let mw = m.downcast::<MethodWrapper>().ok_or_else(|| PyErr::type_error("bad method-wrapper"))?;
    let w = mw.descr.downcast::<WrapperDescr>().ok_or_else(|| PyErr::type_error("bad wrapper"))?;
    Ok(pystr::new_str(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        w.def.name,
        protocol::type_name(&mw.self_),
        mw.self_.id()
    )))
}

fn wrapper_name(_ts: &ThreadState, d: &Value) -> PyResult<Value> {
    if let Some(w) = d.downcast::<WrapperDescr>() {
        return Ok(pystr::new_str(w.def.name));
    }
    if let Some(mw) = d.downcast::<MethodWrapper>() {
        if let Some(w) = mw.descr.downcast::<WrapperDescr>() {
            return Ok(pystr::new_str(w.def.name));
        }
    }
    Ok(none::none())
}

fn wrapper_qualname(_ts: &ThreadState, d: &Value) -> PyResult<Value> {
    if let Some(w) = d.downcast::<WrapperDescr>() {
        return Ok(pystr::new_str(&format!("{}.{}", w.owner.name(), w.def.name)));
    }
    Ok(none::none())
}

fn wrapper_objclass(_ts: &ThreadState, d: &Value) -> PyResult<Value> {
    let d = match d.downcast::<MethodWrapper>() {
        Some(mw) => mw.descr.clone(),
        None => d.clone(),
    };
    Ok(d.downcast::<WrapperDescr>().map(|w| w.owner.to_value()).unwrap_or_else(none::none))
}
fn method_wrapper_qualname(_ts: &ThreadState, m: &Value) -> PyResult<Value> {
    let Some(mw) = m.downcast::<MethodWrapper>() else { return Ok(none::none()) };
    let Some(w) = mw.descr.downcast::<WrapperDescr>() else { return Ok(none::none()) };
    Ok(pystr::new_str(&format!("{}.{}", w.owner.name(), w.def.name)))
}
/// The slot dunder a wrapper descriptor or method-wrapper exposes.
fn wrapper_slot_name(d: &Value) -> Option<&'static str> {
    let w = match d.downcast::<MethodWrapper>() {
        Some(mw) => mw.descr.downcast::<WrapperDescr>()?,
        None => d.downcast::<WrapperDescr>()?,
    };
    Some(w.def.name)
}

fn opt_str(s: Option<&str>) -> Value {
    s.map_or_else(none::none, pystr::new_str)
}

/// `__text_signature__` of a slot wrapper (CPython's slot table has one per dunder).
fn wrapper_text_signature(_ts: &ThreadState, d: &Value) -> PyResult<Value> {
    Ok(opt_str(wrapper_slot_name(d).and_then(|n| super::builtin_docs::slot_wrapper_doc(n).0)))
}

/// `__doc__` of a slot wrapper.
fn wrapper_doc(_ts: &ThreadState, d: &Value) -> PyResult<Value> {
    Ok(opt_str(wrapper_slot_name(d).and_then(|n| super::builtin_docs::slot_wrapper_doc(n).1)))
}

fn method_wrapper_self(_ts: &ThreadState, m: &Value) -> PyResult<Value> {
    Ok(m.downcast::<MethodWrapper>().map(|x| x.self_.clone()).unwrap_or_else(none::none))
}

// The generic slot functions of heap types.

fn call_dunder(ts: &ThreadState, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    match protocol::call_special(ts, obj, name, args)? {
        Some(v) => Ok(v),
        None => Err(PyErr::attribute_error(name.to_string())),
    }
}

fn slot_repr(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    call_dunder(ts, v, "__repr__", &[])
}
fn slot_str(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    call_dunder(ts, v, "__str__", &[])
}
fn slot_hash(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let f = v.type_of().data.lookup_str("__hash__");
    if f.as_ref().is_none_or(none::is_none) {
        return Err(PyErr::type_error(format!("unhashable type: '{}'", protocol::type_name(v))));
    }
    let r = call_dunder(ts, v, "__hash__", &[])?;
    if !super::int::is_int(&r) {
        return Err(PyErr::type_error("__hash__ method should return an integer"));
    }
    let h = super::int::hash_int(&r);
    Ok(if h == -1 { -2 } else { h })
}
fn slot_richcompare(ts: &ThreadState, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(f) = v.type_of().data.lookup_str(op.dunder()) else {
        return Ok(none::not_implemented());
    };
    if none::is_none(&f) {
        return Ok(none::not_implemented());
    }
    let bound = protocol::bind_descriptor(ts, &f, v)?;
    protocol::call(ts, &bound, std::slice::from_ref(w), None)
}
fn slot_getattro(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    call_dunder(ts, v, "__getattribute__", std::slice::from_ref(name))
}
/// `__getattribute__` then, on AttributeError, `__getattr__`.
fn slot_getattr_hook(ts: &ThreadState, v: &Value, name: &Value) -> PyResult<Value> {
    let ga = v.type_of().data.lookup_str("__getattribute__");
    let r = match ga {
        // A native __getattribute__ (object's, type's, module's...): its
        // slot function directly, as CPython's slot_tp_getattr_hook.
        Some(f) => match f.downcast::<WrapperDescr>().map(|w| &w.native) {
            Some(NativeSlot::GetAttr(native)) => native(ts, v, name),
            _ => {
                let bound = protocol::bind_descriptor(ts, &f, v)?;
                protocol::call(ts, &bound, std::slice::from_ref(name), None)
            }
        },
        None => protocol::generic_getattr(ts, v, name),
    };
    match r {
        Err(e) if e.matches(&exceptions::ATTRIBUTE_ERROR) => call_dunder(ts, v, "__getattr__", std::slice::from_ref(name)),
        other => other,
    }
}
fn slot_setattro(ts: &ThreadState, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(x) => call_dunder(ts, v, "__setattr__", &[name.clone(), x.clone()]).map(drop),
        None => call_dunder(ts, v, "__delattr__", std::slice::from_ref(name)).map(drop),
    }
}
fn slot_call(ts: &ThreadState, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let Some(f) = v.type_of().data.lookup_str("__call__") else {
        return Err(PyErr::type_error(format!("'{}' object is not callable", protocol::type_name(v))));
    };
    // `__call__` may itself be a callable instance (A.__call__ = A()): each
    // level counts, so such a chain ends in RecursionError, not a crash.
    let _guard = crate::eval::ceval::NativeCallGuard::enter(ts)?;
    let bound = protocol::bind_descriptor(ts, &f, v)?;
    protocol::call(ts, &bound, args, kwnames)
}
fn slot_iter(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let f = v.type_of().data.lookup_str("__iter__");
    if f.as_ref().is_none_or(none::is_none) {
        return Err(PyErr::type_error(format!("'{}' object is not iterable", protocol::type_name(v))));
    }
    call_dunder(ts, v, "__iter__", &[])
}
fn slot_iternext(ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    match call_dunder(ts, v, "__next__", &[]) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.matches(&exceptions::STOP_ITERATION) => Err(e),
        Err(e) => Err(e),
    }
}
fn slot_descr_get(ts: &ThreadState, d: &Value, obj: Option<&Value>, ty: Option<&Value>) -> PyResult<Value> {
    let o = obj.cloned().unwrap_or_else(none::none);
    let t = ty.cloned().unwrap_or_else(none::none);
    call_dunder(ts, d, "__get__", &[o, t])
}
fn slot_descr_set(ts: &ThreadState, d: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder(ts, d, "__set__", &[obj.clone(), v.clone()]).map(drop),
        None => call_dunder(ts, d, "__delete__", std::slice::from_ref(obj)).map(drop),
    }
}
fn slot_new(ts: &ThreadState, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let f = protocol::getattr_str(ts, cls, "__new__")?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(cls.clone());
    full.extend_from_slice(args);
    protocol::call(ts, &f, &full, kwnames)
}
/// The `__init__` the eval loop may run in a frame of its own when calling
/// `ty` (instead of `type_call` running it natively): a plain Python
/// function found through the `__init__` slot of a class.
pub fn python_init(ty: &TypeObject) -> Option<Value> {
    if ty.slots.init.get().map(|f| f as usize) != Some(slot_init as *const () as usize) {
        return None;
    }
    ty.lookup_str("__init__").filter(|f| f.is_exact(&function::FUNCTION_TYPE))
}

/// The message when `__init__` returns something other than None.
pub fn init_returned_error(r: &Value) -> PyErr {
    PyErr::type_error(format!("__init__() should return None, not '{}'", protocol::type_name(r)))
}

fn slot_init(ts: &ThreadState, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let f = v.type_of().data.lookup_str("__init__").ok_or_else(|| PyErr::type_error("no __init__"))?;
    let bound = protocol::bind_descriptor(ts, &f, v)?;
    let r = protocol::call(ts, &bound, args, kwnames)?;
    if !none::is_none(&r) {
        return Err(init_returned_error(&r));
    }
    Ok(())
}
fn slot_finalize(ts: &ThreadState, v: &Value) {
    if let Err(e) = call_dunder(ts, v, "__del__", &[]) {
        let del = v.type_of().data.lookup_str("__del__");
        crate::runtime::lifecycle::write_unraisable(ts, &e, Some("Exception ignored in"), del.as_ref());
    }
}
fn slot_bool(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    if let Some(f) = v.type_of().data.lookup_str("__bool__") {
        let bound = protocol::bind_descriptor(ts, &f, v)?;
        let r = protocol::call(ts, &bound, &[], None)?;
        return match bool_::as_bool(&r) {
            Some(b) => Ok(b),
            None => Err(PyErr::type_error(format!("__bool__ should return bool, returned {}", protocol::type_name(&r)))),
        };
    }
    if v.type_of().data.lookup_str("__len__").is_some() {
        return Ok(slot_len(ts, v)? > 0);
    }
    Ok(true)
}
fn slot_len(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    let r = call_dunder(ts, v, "__len__", &[])?;
    let n = protocol::index(ts, &r).map_err(|_| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", protocol::type_name(&r)))
    })?;
    if super::int::is_negative(&n) {
        return Err(PyErr::value_error("__len__() should return >= 0"));
    }
    super::int::to_isize(&n)
        .map(|x| x as usize)
        .ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))
}
fn slot_getitem(ts: &ThreadState, v: &Value, k: &Value) -> PyResult<Value> {
    call_dunder(ts, v, "__getitem__", std::slice::from_ref(k))
}
fn slot_setitem(ts: &ThreadState, v: &Value, k: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(x) => call_dunder(ts, v, "__setitem__", &[k.clone(), x.clone()]).map(drop),
        None => call_dunder(ts, v, "__delitem__", std::slice::from_ref(k)).map(drop),
    }
}
fn slot_contains(ts: &ThreadState, v: &Value, k: &Value) -> PyResult<bool> {
    let f = v.type_of().data.lookup_str("__contains__");
    match f {
        Some(f) if !none::is_none(&f) => {
            let bound = protocol::bind_descriptor(ts, &f, v)?;
            let r = protocol::call(ts, &bound, std::slice::from_ref(k), None)?;
            protocol::is_true(ts, &r)
        }
        Some(_) => Err(PyErr::type_error(format!("'{}' object is not a container", protocol::type_name(v)))),
        None => {
            let it = protocol::get_iter(ts, v)?;
            while let Some(x) = protocol::next(ts, &it)? {
                if protocol::eq(ts, &x, k)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

macro_rules! unary_slot {
    ($fn:ident, $name:literal) => {
        fn $fn(ts: &ThreadState, v: &Value) -> PyResult<Value> {
            call_dunder(ts, v, $name, &[])
        }
    };
}
unary_slot!(slot_neg, "__neg__");
unary_slot!(slot_pos, "__pos__");
unary_slot!(slot_abs, "__abs__");
unary_slot!(slot_invert, "__invert__");
unary_slot!(slot_int, "__int__");
unary_slot!(slot_float, "__float__");
unary_slot!(slot_index, "__index__");

/// Binary operator slot of heap types (CPython's SLOT1BINFULL): the left
/// operand's `__op__`, then the right operand's `__rop__`, with the
/// subclass-first rule.
fn slot_binary(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    let (name, rname) = (nb::DUNDERS[op], nb::RDUNDERS[op]);
    let my_slot = |x: &Value| x.type_of().data.slots.binary[op].get().map(|f| f as usize) == Some(BINARY_SLOTS[op] as usize);
    let do_other = !std::ptr::eq(v.type_of(), w.type_of()) && my_slot(w) && w.type_of().data.lookup_str(&rname).is_some();
    if my_slot(v) {
        if let Some(f) = v.type_of().data.lookup_str(&name) {
            if do_other && w.type_of().is_subtype(v.type_of()) {
                let rf = w.type_of().data.lookup_str(&rname);
                let lf_is_same = rf.as_ref().is_some_and(|r| {
                    v.type_of().data.lookup_str(&rname).is_some_and(|l| l.is(r))
                });
                if !lf_is_same {
                    let r = call_dunder(ts, w, &rname, std::slice::from_ref(v))?;
                    if !r.is(&none::not_implemented()) {
                        return Ok(r);
                    }
                    return call_binary_dunder(ts, &f, v, w);
                }
            }
            let r = call_binary_dunder(ts, &f, v, w)?;
            if !r.is(&none::not_implemented()) || std::ptr::eq(v.type_of(), w.type_of()) {
                return Ok(r);
            }
        }
    }
    if do_other {
        return call_dunder(ts, w, &rname, std::slice::from_ref(v));
    }
    Ok(none::not_implemented())
}

fn call_binary_dunder(ts: &ThreadState, f: &Value, v: &Value, w: &Value) -> PyResult<Value> {
    if none::is_none(f) {
        return Ok(none::not_implemented());
    }
    let bound = protocol::bind_descriptor(ts, f, v)?;
    protocol::call(ts, &bound, std::slice::from_ref(w), None)
}

fn slot_inplace(ts: &ThreadState, v: &Value, w: &Value, op: usize) -> PyResult<Value> {
    match v.type_of().data.lookup_str(nb::IDUNDERS[op - nb::INPLACE]) {
        Some(f) => call_binary_dunder(ts, &f, v, w),
        None => Ok(none::not_implemented()),
    }
}

fn slot_power3(ts: &ThreadState, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    match v.type_of().data.lookup_str("__pow__") {
        Some(f) => {
            let bound = protocol::bind_descriptor(ts, &f, v)?;
            protocol::call(ts, &bound, &[w.clone(), z.clone()], None)
        }
        None => Ok(none::not_implemented()),
    }
}

macro_rules! binary_slots {
    ($($i:literal => $fn:ident),*) => {
        $(fn $fn(ts: &ThreadState, v: &Value, w: &Value) -> PyResult<Value> {
            if $i >= nb::INPLACE { slot_inplace(ts, v, w, $i) } else { slot_binary(ts, v, w, $i) }
        })*
        static BINARY_SLOTS: [BinaryFn; nb::COUNT] = [$($fn),*];
    };
}
binary_slots!(0 => sb0, 1 => sb1, 2 => sb2, 3 => sb3, 4 => sb4, 5 => sb5, 6 => sb6, 7 => sb7, 8 => sb8, 9 => sb9,
    10 => sb10, 11 => sb11, 12 => sb12, 13 => sb13, 14 => sb14, 15 => sb15, 16 => sb16, 17 => sb17, 18 => sb18,
    19 => sb19, 20 => sb20, 21 => sb21, 22 => sb22, 23 => sb23, 24 => sb24, 25 => sb25);

// The slot table: each entry reads the native slot, installs the heap-type
// slot, and calls a native slot as a Python method.

macro_rules! simple_slot {
    ($name:literal, $field:ident, $variant:ident, $slotfn:expr, $call:expr) => {
        SlotDef {
            name: $name,
            read: |t| t.slots.$field.get().map(NativeSlot::$variant),
            call: $call,
        }
    };
}

fn arg0<'a>(name: &str, args: &'a [Value], kw: Option<&Value>, n: usize) -> PyResult<&'a [Value]> {
    crate::object::args::no_kwargs(name, kw)?;
    if args.len() != n {
        return Err(PyErr::type_error(format!(
            "expected {} argument{}, got {}",
            n,
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(args)
}

macro_rules! call_unary {
    ($variant:ident, $name:literal) => {
        |ts, n, s, a, k| {
            arg0($name, a, k, 0)?;
            match n {
                NativeSlot::$variant(f) => f(ts, s),
                _ => Err(PyErr::system_error("bad slot")),
            }
        }
    };
}

macro_rules! cmp_slot {
    ($name:literal, $op:expr) => {
        SlotDef {
            name: $name,
            read: |t| t.slots.richcompare.get().map(NativeSlot::Cmp),
            call: |ts, n, s, a, k| {
                let a = arg0($name, a, k, 1)?;
                match n {
                    NativeSlot::Cmp(f) => f(ts, s, &a[0], $op),
                    _ => Err(PyErr::system_error("bad slot")),
                }
            },
        }
    };
}

macro_rules! binary_def {
    ($name:literal, $op:expr, reflected = $refl:literal) => {
        SlotDef {
            name: $name,
            read: |t| t.slots.binary[$op].get().map(NativeSlot::Binary),
            call: |ts, n, s, a, k| {
                let a = arg0($name, a, k, 1)?;
                match n {
                    NativeSlot::Binary(f) => {
                        if $refl {
                            // __radd__(self, other) is other + self, but only
                            // when `other` is not handled by self's type first.
                            f(ts, &a[0], s)
                        } else {
                            f(ts, s, &a[0])
                        }
                    }
                    _ => Err(PyErr::system_error("bad slot")),
                }
            },
        }
    };
}

macro_rules! seq_def {
    ($name:literal, $slot:ident) => {
        SlotDef {
            name: $name,
            read: |t| t.slots.$slot.get().map(NativeSlot::Binary),
            call: |ts, n, s, a, k| {
                let a = arg0($name, a, k, 1)?;
                match n {
                    NativeSlot::Binary(f) => f(ts, s, &a[0]),
                    _ => Err(PyErr::system_error("bad slot")),
                }
            },
        }
    };
}

static SLOTDEFS: &[SlotDef] = &[
    simple_slot!("__repr__", repr, Repr, slot_repr, call_unary!(Repr, "__repr__")),
    simple_slot!("__str__", str, Repr, slot_str, call_unary!(Repr, "__str__")),
    SlotDef {
        name: "__hash__",
        read: |t| t.slots.hash.get().map(NativeSlot::Hash),
        call: |ts, n, s, a, k| {
            arg0("__hash__", a, k, 0)?;
            match n {
                NativeSlot::Hash(f) => Ok(super::int::from_i64(f(ts, s)? as i64)),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    cmp_slot!("__lt__", CompareOp::Lt),
    cmp_slot!("__le__", CompareOp::Le),
    cmp_slot!("__eq__", CompareOp::Eq),
    cmp_slot!("__ne__", CompareOp::Ne),
    cmp_slot!("__gt__", CompareOp::Gt),
    cmp_slot!("__ge__", CompareOp::Ge),
    SlotDef {
        name: "__getattribute__",
        read: |t| t.slots.getattro.get().map(NativeSlot::GetAttr),
        call: |ts, n, s, a, k| {
            let a = arg0("__getattribute__", a, k, 1)?;
            if !a[0].type_of().is_subtype(&pystr::STR_TYPE) {
                return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", protocol::type_name(&a[0]))));
            }
            match n {
                NativeSlot::GetAttr(f) => f(ts, s, &a[0]),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__setattr__",
        read: |t| t.slots.setattro.get().map(NativeSlot::SetAttr),
        call: |ts, n, s, a, k| {
            let a = arg0("__setattr__", a, k, 2)?;
            match n {
                NativeSlot::SetAttr(f) => f(ts, s, &a[0], Some(&a[1])).map(|_| none::none()),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__delattr__",
        read: |t| t.slots.setattro.get().map(NativeSlot::SetAttr),
        call: |ts, n, s, a, k| {
            let a = arg0("__delattr__", a, k, 1)?;
            match n {
                NativeSlot::SetAttr(f) => f(ts, s, &a[0], None).map(|_| none::none()),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__call__",
        read: |t| t.slots.call.get().map(NativeSlot::Call),
        call: |ts, n, s, a, k| match n {
            NativeSlot::Call(f) => f(ts, s, a, k),
            _ => Err(PyErr::system_error("bad slot")),
        },
    },
    simple_slot!("__iter__", iter, Unary, slot_iter, call_unary!(Unary, "__iter__")),
    SlotDef {
        name: "__next__",
        read: |t| t.slots.iternext.get().map(NativeSlot::Next),
        call: |ts, n, s, a, k| {
            arg0("__next__", a, k, 0)?;
            match n {
                NativeSlot::Next(f) => f(ts, s)?.ok_or_else(|| PyErr::stop_iteration(None)),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__get__",
        read: |t| t.slots.descr_get.get().map(NativeSlot::DescrGet),
        call: |ts, n, s, a, k| {
            crate::object::args::no_kwargs("__get__", k)?;
            if a.is_empty() || a.len() > 2 {
                return Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", a.len())));
            }
            let obj = if none::is_none(&a[0]) { None } else { Some(&a[0]) };
            let ty = a.get(1).filter(|t| !none::is_none(t));
            if obj.is_none() && ty.is_none() {
                return Err(PyErr::type_error("__get__(None, None) is invalid"));
            }
            match n {
                NativeSlot::DescrGet(f) => f(ts, s, obj, ty),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__set__",
        read: |t| t.slots.descr_set.get().map(NativeSlot::DescrSet),
        call: |ts, n, s, a, k| {
            let a = arg0("__set__", a, k, 2)?;
            match n {
                NativeSlot::DescrSet(f) => f(ts, s, &a[0], Some(&a[1])).map(|_| none::none()),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__delete__",
        read: |t| t.slots.descr_set.get().map(NativeSlot::DescrSet),
        call: |ts, n, s, a, k| {
            let a = arg0("__delete__", a, k, 1)?;
            match n {
                NativeSlot::DescrSet(f) => f(ts, s, &a[0], None).map(|_| none::none()),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__init__",
        read: |t| t.slots.init.get().map(NativeSlot::Init),
        call: |ts, n, s, a, k| match n {
            NativeSlot::Init(f) => f(ts, s, a, k).map(|_| none::none()),
            _ => Err(PyErr::system_error("bad slot")),
        },
    },
    SlotDef {
        name: "__new__",
        read: |_t| None,
        call: |_ts, _n, _s, _a, _k| Err(PyErr::system_error("bad slot")),
    },
    SlotDef {
        name: "__bool__",
        read: |t| t.slots.bool.get().map(NativeSlot::Inquiry),
        call: |ts, n, s, a, k| {
            arg0("__bool__", a, k, 0)?;
            match n {
                NativeSlot::Inquiry(f) => Ok(bool_::new_bool(f(ts, s)?)),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__len__",
        read: |t| t.slots.length.get().map(NativeSlot::Len),
        call: |ts, n, s, a, k| {
            arg0("__len__", a, k, 0)?;
            match n {
                NativeSlot::Len(f) => Ok(super::int::from_i64(f(ts, s)? as i64)),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__getitem__",
        read: |t| t.slots.subscript.get().map(NativeSlot::Binary),
        call: |ts, n, s, a, k| {
            let a = arg0("__getitem__", a, k, 1)?;
            match n {
                NativeSlot::Binary(f) => f(ts, s, &a[0]),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__setitem__",
        read: |t| t.slots.ass_subscript.get().map(NativeSlot::AssSub),
        call: |ts, n, s, a, k| {
            let a = arg0("__setitem__", a, k, 2)?;
            match n {
                NativeSlot::AssSub(f) => f(ts, s, &a[0], Some(&a[1])).map(|_| none::none()),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__delitem__",
        read: |t| t.slots.ass_subscript.get().map(NativeSlot::AssSub),
        call: |ts, n, s, a, k| {
            let a = arg0("__delitem__", a, k, 1)?;
            match n {
                NativeSlot::AssSub(f) => f(ts, s, &a[0], None).map(|_| none::none()),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    SlotDef {
        name: "__contains__",
        read: |t| t.slots.contains.get().map(NativeSlot::Contains),
        call: |ts, n, s, a, k| {
            let a = arg0("__contains__", a, k, 1)?;
            match n {
                NativeSlot::Contains(f) => Ok(bool_::new_bool(f(ts, s, &a[0])?)),
                _ => Err(PyErr::system_error("bad slot")),
            }
        },
    },
    simple_slot!("__neg__", negative, Unary, slot_neg, call_unary!(Unary, "__neg__")),
    simple_slot!("__pos__", positive, Unary, slot_pos, call_unary!(Unary, "__pos__")),
    simple_slot!("__abs__", absolute, Unary, slot_abs, call_unary!(Unary, "__abs__")),
    simple_slot!("__invert__", invert, Unary, slot_invert, call_unary!(Unary, "__invert__")),
    simple_slot!("__int__", int, Unary, slot_int, call_unary!(Unary, "__int__")),
    simple_slot!("__float__", float, Unary, slot_float, call_unary!(Unary, "__float__")),
    simple_slot!("__index__", index, Unary, slot_index, call_unary!(Unary, "__index__")),
    SlotDef {
        name: "__pow__",
        read: |t| t.slots.power3.get().map(NativeSlot::Ternary),
        call: |ts, n, s, a, k| {
            crate::object::args::no_kwargs("__pow__", k)?;
            match (n, a) {
                (NativeSlot::Ternary(f), [w]) => f(ts, s, w, &none::none()),
                (NativeSlot::Ternary(f), [w, z]) => f(ts, s, w, z),
                _ => Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", a.len()))),
            }
        },
    },
    binary_def!("__add__", nb::ADD, reflected = false),
    binary_def!("__radd__", nb::ADD, reflected = true),
    binary_def!("__and__", nb::AND, reflected = false),
    binary_def!("__rand__", nb::AND, reflected = true),
    binary_def!("__floordiv__", nb::FLOOR_DIVIDE, reflected = false),
    binary_def!("__rfloordiv__", nb::FLOOR_DIVIDE, reflected = true),
    binary_def!("__lshift__", nb::LSHIFT, reflected = false),
    binary_def!("__rlshift__", nb::LSHIFT, reflected = true),
    binary_def!("__matmul__", nb::MATRIX_MULTIPLY, reflected = false),
    binary_def!("__rmatmul__", nb::MATRIX_MULTIPLY, reflected = true),
    binary_def!("__mul__", nb::MULTIPLY, reflected = false),
    binary_def!("__rmul__", nb::MULTIPLY, reflected = true),
    binary_def!("__mod__", nb::REMAINDER, reflected = false),
    binary_def!("__rmod__", nb::REMAINDER, reflected = true),
    binary_def!("__or__", nb::OR, reflected = false),
    binary_def!("__ror__", nb::OR, reflected = true),
    binary_def!("__rpow__", nb::POWER, reflected = true),
    binary_def!("__rshift__", nb::RSHIFT, reflected = false),
    binary_def!("__rrshift__", nb::RSHIFT, reflected = true),
    binary_def!("__sub__", nb::SUBTRACT, reflected = false),
    binary_def!("__rsub__", nb::SUBTRACT, reflected = true),
    binary_def!("__truediv__", nb::TRUE_DIVIDE, reflected = false),
    binary_def!("__rtruediv__", nb::TRUE_DIVIDE, reflected = true),
    binary_def!("__xor__", nb::XOR, reflected = false),
    binary_def!("__rxor__", nb::XOR, reflected = true),
    binary_def!("__iadd__", nb::INPLACE + nb::ADD, reflected = false),
    binary_def!("__iand__", nb::INPLACE + nb::AND, reflected = false),
    binary_def!("__ifloordiv__", nb::INPLACE + nb::FLOOR_DIVIDE, reflected = false),
    binary_def!("__ilshift__", nb::INPLACE + nb::LSHIFT, reflected = false),
    binary_def!("__imatmul__", nb::INPLACE + nb::MATRIX_MULTIPLY, reflected = false),
    binary_def!("__imul__", nb::INPLACE + nb::MULTIPLY, reflected = false),
    binary_def!("__imod__", nb::INPLACE + nb::REMAINDER, reflected = false),
    binary_def!("__ior__", nb::INPLACE + nb::OR, reflected = false),
    binary_def!("__ipow__", nb::INPLACE + nb::POWER, reflected = false),
    binary_def!("__irshift__", nb::INPLACE + nb::RSHIFT, reflected = false),
    binary_def!("__isub__", nb::INPLACE + nb::SUBTRACT, reflected = false),
    binary_def!("__itruediv__", nb::INPLACE + nb::TRUE_DIVIDE, reflected = false),
    binary_def!("__ixor__", nb::INPLACE + nb::XOR, reflected = false),
    // Sequence slots, exposed under the numeric names when the type has no
    // numeric slot of that name (`list.__add__` is sq_concat). Their slots
    // are inherited in fixup_slots, so installing does nothing here.
    seq_def!("__add__", concat),
    seq_def!("__mul__", repeat),
    seq_def!("__rmul__", repeat),
    seq_def!("__iadd__", inplace_concat),
    seq_def!("__imul__", inplace_repeat),
];

// ---------------------------------------------------------------------------
// type's own attributes.

fn type_repr(ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    let _ = ts;
    let module = protocol::type_module_name(t);
    let qual = protocol::type_qualname(t);
    if module == "builtins" {
        Ok(pystr::new_str(&format!("<class '{qual}'>")))
    } else {
        Ok(pystr::new_str(&format!("<class '{module}.{qual}'>")))
    }
}

/// Attribute lookup on a type: data descriptors of the metatype, then the
/// type's own MRO (binding with `__get__(None, type)`), then the metatype.
fn type_getattro(ts: &ThreadState, cls: &Value, name: &Value) -> PyResult<Value> {
    let meta = cls.type_of();
    let meta_attr = meta.data.lookup(name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        meta_get = ma.type_of().data.slots.descr_get.get();
        if let (Some(get), Some(_)) = (meta_get, ma.type_of().data.slots.descr_set.get()) {
            return get(ts, ma, Some(cls), Some(&meta.to_value()));
        }
    }
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if let Some(attr) = t.lookup(name) {
        if let Some(get) = attr.type_of().data.slots.descr_get.get() {
            return get(ts, &attr, None, Some(cls));
        }
        return Ok(attr);
    }
    if let Some(ma) = meta_attr {
        if let Some(get) = meta_get {
            return get(ts, &ma, Some(cls), Some(&meta.to_value()));
        }
        return Ok(ma);
    }
    let err = PyErr::attribute_error(format!(
        "type object '{}' has no attribute '{}'",
        t.name(),
        pystr::as_rust_str(name)
    ));
    exceptions::set_attribute_error_context(err.value(), cls, name);
    Err(err)
}

fn type_setattro(ts: &ThreadState, cls: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if !t.is_heap_type() {
        return Err(PyErr::type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            pystr::as_rust_str(name),
            t.name()
        )));
    }
    let meta = cls.type_of();
    if let Some(d) = meta.data.lookup(name) {
        if let Some(set) = d.type_of().data.slots.descr_set.get() {
            return set(ts, &d, cls, value);
        }
    }
    let d = t.dict();
    match value {
        Some(v) => dict::dict_set_item(ts, &d, name.clone(), v.clone())?,
        None => {
            if dict::dict_del_item(ts, &d, name)?.is_none() {
                return Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    t.name(),
                    pystr::as_rust_str(name)
                )));
            }
        }
    }
    t.modified();
    update_slots_for_name(t, name);
    Ok(())
}

fn update_slots_recursive(t: &TypeObject) {
    fixup_slots(t);
    let subs: Vec<usize> = t.subclasses.borrow().clone();
    for s in subs {
        // SAFETY: subclasses unregister themselves before being freed.
        let sub = unsafe { &*(s as *const PyType) };
        update_slots_recursive(&sub.data);
    }
}

fn type_name_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    let name = t.name();
    Ok(pystr::new_str(if t.is_heap_type() { &name } else { name.rsplit('.').next().unwrap_or(&name) }))
}
fn type_name_set(_ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if !t.is_heap_type() {
        return Err(PyErr::type_error(format!("cannot set '__name__' attribute of immutable type '{}'", t.name())));
    }
    match v {
        Some(s) if s.type_of().is_subtype(&pystr::STR_TYPE) => {
            t.set_name(pystr::as_rust_str(s).into_owned());
            Ok(())
        }
        Some(s) => Err(PyErr::type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name(),
            protocol::type_name(s)
        ))),
        None => Err(PyErr::type_error(format!("cannot delete '__name__' attribute of immutable type '{}'", t.name()))),
    }
}
fn type_qualname_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    Ok(pystr::new_str(&protocol::type_qualname(t)))
}
fn type_qualname_set(_ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    match v {
        _ if !t.is_heap_type() => Err(PyErr::type_error(format!(
            "cannot {} '__qualname__' attribute of immutable type '{}'",
            if v.is_some() { "set" } else { "delete" },
            t.name()
        ))),
        Some(s) if s.type_of().is_subtype(&pystr::STR_TYPE) => {
            t.set_qualname(s.clone());
            Ok(())
        }
        Some(x) => Err(PyErr::type_error(format!("can only assign string to {}.__qualname__, not '{}'", t.name(), protocol::type_name(x)))),
        None => Err(PyErr::type_error(format!("cannot delete '__qualname__' attribute of immutable type '{}'", t.name()))),
    }
}
fn type_module_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    if t.data.is_heap_type() {
        if let Some(m) = dict::dict_get_str(&t.data.dict(), &known_name(kn::MODULE)) {
            return Ok(m);
        }
    }
    Ok(pystr::new_str(&protocol::type_module_name(t)))
}
fn type_module_set(ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    dict::dict_set_item(ts, &t.dict(), known_name(kn::MODULE), v.cloned().unwrap_or_else(none::none))?;
    t.modified();
    Ok(())
}
fn type_mro_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    Ok(cls.as_type().map(|t| t.mro()).unwrap_or_else(none::none))
}
fn type_bases_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    Ok(cls.as_type().map(|t| t.bases()).unwrap_or_else(none::none))
}
/// `cls.__bases__ = (...)` on a class (CPython's type_set_bases): the new
/// bases must give the instances the same layout; the MROs of the class and
/// of its subclasses are recomputed (the old state comes back on failure).
fn type_bases_set(_ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    let name = t.name();
    if !t.is_heap_type() {
        return Err(PyErr::type_error(format!("cannot set '__bases__' attribute of immutable type '{name}'")));
    }
    let Some(v) = v else {
        return Err(PyErr::type_error(format!("cannot delete '__bases__' attribute of immutable type '{name}'")));
    };
    if !v.type_of().is_subtype(&tuple::TUPLE_TYPE) {
        return Err(PyErr::type_error(format!("can only assign tuple to {name}.__bases__, not {}", protocol::type_name(v))));
    }
    let new_bases = tuple::tuple_items(v).to_vec();
    if new_bases.is_empty() {
        return Err(PyErr::type_error(format!("can only assign non-empty tuple to {name}.__bases__, not ()")));
    }
    let me = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    for b in &new_bases {
        let Some(bt) = protocol::as_pytype(b) else {
            return Err(PyErr::type_error(format!("{name}.__bases__ must be tuple of classes, not '{}'", protocol::type_name(b))));
        };
        if bt.is_subtype(me) {
            return Err(PyErr::type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(&new_bases)?;
    let nb = protocol::as_pytype(&new_base).ok_or_else(|| PyErr::type_error("type expected"))?;
    if let Some(old) = t.base() {
        let what = if nb.data.solid_base() != old.data.solid_base() {
            Some("deallocator")
        } else if nb.data.basicsize.get() != old.data.basicsize.get() {
            Some("object layout")
        } else {
            None
        };
        if let Some(what) = what {
            return Err(PyErr::type_error(format!("__bases__ assignment: '{}' {what} differs from '{}'", nb.name(), old.name())));
        }
    }
    let old_bases = t.bases();
    let old_base = t.base().map(|b| b as *const PyType);
    t.set_bases(v.clone());
    t.set_base(nb);
    if let Err(e) = recompute_mros(cls) {
        t.set_bases(old_bases);
        if let Some(b) = old_base {
            // SAFETY: the old base is kept alive by `old_bases`, restored above.
            t.set_base(unsafe { &*b });
        }
        let _ = recompute_mros(cls);
        return Err(e);
    }
    let addr = me as *const PyType as usize;
    for b in tuple::tuple_items(&old_bases) {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().retain(|&s| s != addr);
        }
    }
    for b in &new_bases {
        if let Some(bt) = b.as_type() {
            bt.subclasses.borrow_mut().push(addr);
        }
    }
    update_slots_recursive(t);
    Ok(())
}

/// The MRO of `cls` and of every subclass, from their current bases.
fn recompute_mros(cls: &Value) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    let bases = tuple::tuple_items(&t.bases()).to_vec();
    t.set_mro(tuple::new_tuple(compute_mro(cls, &bases)?)?);
    let subs: Vec<usize> = t.subclasses.borrow().clone();
    for s in subs {
        // SAFETY: subclasses unregister themselves before being freed.
        let sub = unsafe { &*(s as *const PyType) };
        recompute_mros(&sub.to_value())?;
    }
    Ok(())
}

fn type_base_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    Ok(cls.as_type().and_then(|t| t.base()).map(|b| b.to_value()).unwrap_or_else(none::none))
}
fn type_dict_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    super::mappingproxy::new_mappingproxy(t.dict())
}
fn type_doc_get(ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    match dict::dict_get_str(&t.dict(), &known_name(kn::DOC)) {
        Some(d) => match d.type_of().data.slots.descr_get.get() {
            Some(get) if t.is_heap_type() => get(ts, &d, None, Some(cls)),
            // A builtin type whose instances compute `__doc__` keeps its own doc apart.
            Some(_) => Ok(t.doc.or_else(|| super::builtin_docs::type_doc(&t.name())).map(pystr::new_str).unwrap_or_else(none::none)),
            _ => Ok(d),
        },
        None => Ok(none::none()),
    }
}
fn type_doc_set(ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if !t.is_heap_type() {
        return Err(PyErr::type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", t.name())));
    }
    dict::dict_set_item(ts, &t.dict(), known_name(kn::DOC), v.cloned().unwrap_or_else(none::none))?;
    t.modified();
    Ok(())
}
fn type_abstractmethods_get(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if !std::ptr::eq(t, &TYPE_TYPE.data) {
        if let Some(v) = dict::dict_get_str(&t.dict(), &known_name(kn::ABSTRACTMETHODS)) {
            return Ok(v);
        }
    }
    Err(PyErr::attribute_error("__abstractmethods__"))
}
fn type_abstractmethods_set(ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    let abstract_ = match v {
        Some(v) => {
            dict::dict_set_item(ts, &t.dict(), known_name(kn::ABSTRACTMETHODS), v.clone())?;
            protocol::is_true(ts, v)?
        }
        None => {
            dict::dict_del_item(ts, &t.dict(), &known_name(kn::ABSTRACTMETHODS))?;
            false
        }
    };
    let f = t.flags.get();
    t.flags.set(if abstract_ { f | TPFLAGS_IS_ABSTRACT } else { f & !TPFLAGS_IS_ABSTRACT });
    t.modified();
    Ok(())
}

fn type_mro_method(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    let pt = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    crate::object::args::exact(&format!("{}.mro", protocol::type_qualname(pt)), a, k, 0)?;
    super::list::new_list(tuple::tuple_items(&t.mro()).to_vec())
}

/// `type.__subclasses__()`: the builtin types whose bases name `cls`, then
/// the live classes registered with it (weakly: they unregister when freed).
fn type_subclasses(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    // Bound to a class, CPython names the method after that class.
    let pt = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    crate::object::args::exact(&format!("{}.__subclasses__", protocol::type_qualname(pt)), a, k, 0)?;
    let mut subs: Vec<Value> = Vec::new();
    if t.flags.get() & TPFLAGS_HEAPTYPE == 0 {
        for st in super::all_static_types() {
            let bases = st.data.bases();
            if tuple::tuple_items(&bases).iter().any(|b| b.is(cls)) {
                subs.push(st.to_value());
            }
        }
    }
    for &s in t.subclasses.borrow().iter() {
        // SAFETY: subclasses unregister themselves before being freed.
        subs.push(unsafe { &*(s as *const PyType) }.to_value());
    }
    super::list::new_list(subs)
}

impl Drop for TypeObject {
    /// A class leaves its bases' subclass lists when freed, so those lists
    /// never keep it alive nor point to freed memory.
    fn drop(&mut self) {
        if self.flags.get() & TPFLAGS_READY == 0 || self.flags.get() & TPFLAGS_HEAPTYPE == 0 {
            return;
        }
        let me = self as *const TypeObject;
        let bases = self.bases();
        for b in tuple::tuple_items(&bases) {
            if let Some(bt) = b.as_type() {
                bt.subclasses.borrow_mut().retain(|&s| {
                    // Compare the payload address without forming a reference
                    // to an object that is being destroyed.
                    let data = unsafe { std::ptr::addr_of!((*(s as *const PyType)).data) };
                    data != me
                });
            }
        }
    }
}

fn type_instancecheck(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("type.__instancecheck__", a, k, 1)?;
    let t = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    if a[0].type_of().is_subtype(t) {
        return Ok(bool_::true_value());
    }
    if let Some(c) = protocol::lookup_attr(ts, &a[0], &pystr::intern("__class__"))? {
        if let Some(ct) = c.as_type() {
            return Ok(bool_::new_bool(ct.is_subtype(t)));
        }
    }
    Ok(bool_::false_value())
}

fn type_subclasscheck(_ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let a = crate::object::args::exact("type.__subclasscheck__", a, k, 1)?;
    let t = protocol::as_pytype(cls).ok_or_else(|| PyErr::type_error("type expected"))?;
    match a[0].as_type() {
        Some(d) => Ok(bool_::new_bool(d.is_subtype(t))),
        None => Err(PyErr::type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_prepare(_ts: &ThreadState, _cls: &Value, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(dict::new_dict())
}

/// `type.__dir__()`: the names in the class and its bases' dicts (not the metaclass's).
fn type_dir(ts: &ThreadState, cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("type.__dir__", a, k, 0)?;
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    let result = dict::new_dict();
    for base in tuple::tuple_items(&t.mro()).iter() {
        if let Some(bt) = base.as_type() {
            if let Some(dd) = dict::as_dict(&bt.dict()) {
                for key in dd.keys() {
                    dict::dict_set_item(ts, &result, key, none::none())?;
                }
            }
        }
    }
    let keys = dict::as_dict(&result).map(|d| d.keys()).unwrap_or_default();
    super::list::new_list(keys)
}

fn type_basicsize(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    Ok(super::int::from_i64(t.basicsize.get() as i64))
}
fn type_itemsize(_ts: &ThreadState, _cls: &Value) -> PyResult<Value> {
    Ok(super::int::from_i64(0))
}
fn type_flags(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    Ok(super::int::from_i64(t.flags.get() as i64))
}
/// Byte offset of an extras word (0 when the instances have none).
fn extra_offset(t: &TypeObject, slot: isize) -> i64 {
    if slot < 0 { 0 } else { (t.extras_offset.get() + 8 * slot as usize) as i64 }
}
fn type_dictoffset(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    Ok(super::int::from_i64(extra_offset(t, t.dict_slot.get())))
}
fn type_weakrefoffset(_ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    Ok(super::int::from_i64(extra_offset(t, t.weaklist_slot.get())))
}
fn type_text_signature(_ts: &ThreadState, _cls: &Value) -> PyResult<Value> {
    Ok(none::none())
}
/// `__annotations__` of a class: created empty on first read for classes;
/// builtin types have none.
fn type_annotations_get(ts: &ThreadState, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if !t.is_heap_type() {
        return Err(PyErr::attribute_error(format!("type object '{}' has no attribute '__annotations__'", t.name())));
    }
    let d = t.dict();
    if let Some(a) = dict::dict_get_str(&d, &known_name(kn::ANNOTATIONS)) {
        return match a.type_of().data.slots.descr_get.get() {
            Some(get) => get(ts, &a, None, Some(cls)),
            None => Ok(a),
        };
    }
    let a = dict::new_dict();
    dict::dict_set_item(ts, &d, known_name(kn::ANNOTATIONS), a.clone())?;
    t.modified();
    Ok(a)
}
fn type_annotations_set(ts: &ThreadState, cls: &Value, v: Option<&Value>) -> PyResult<()> {
    let t = cls.as_type().ok_or_else(|| PyErr::type_error("type expected"))?;
    if !t.is_heap_type() {
        return Err(PyErr::type_error(format!("cannot set '__annotations__' attribute of immutable type '{}'", t.name())));
    }
    let d = t.dict();
    match v {
        Some(x) => dict::dict_set_item(ts, &d, known_name(kn::ANNOTATIONS), x.clone())?,
        None => {
            if dict::dict_get_str(&d, &known_name(kn::ANNOTATIONS)).is_none() {
                return Err(PyErr::attribute_error("__annotations__"));
            }
            dict::dict_del_item(ts, &d, &known_name(kn::ANNOTATIONS))?;
        }
    }
    t.modified();
    Ok(())
}

fn type_sizeof(_ts: &ThreadState, _cls: &Value, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    crate::object::args::exact("type.__sizeof__", a, k, 0)?;
    Ok(super::int::from_i64(std::mem::size_of::<PyObject<TypeObject>>() as i64))
}

fn type_init(_ts: &ThreadState, _obj: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let npos = crate::object::args::npositional(args, kwnames);
    if npos != 1 && npos != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

fn type_or(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<Value> {
    super::genericalias::union_or(ts, a, b)
}

pub fn init() {
    let s = &TYPE_TYPE.data.slots;
    s.call.set(Some(type_call));
    s.new.set(Some(type_new));
    s.init.set(Some(type_init));
    s.repr.set(Some(type_repr));
    s.getattro.set(Some(type_getattro));
    s.setattro.set(Some(type_setattro));
    s.binary[nb::OR].set(Some(type_or));
    descr::add_getsets(
        &TYPE_TYPE,
        &[
            ("__name__", type_name_get, Some(type_name_set)),
            ("__qualname__", type_qualname_get, Some(type_qualname_set)),
            ("__module__", type_module_get, Some(type_module_set)),
            ("__mro__", type_mro_get, None),
            ("__bases__", type_bases_get, Some(type_bases_set)),
            ("__base__", type_base_get, None),
            ("__dict__", type_dict_get, None),
            ("__doc__", type_doc_get, Some(type_doc_set)),
            ("__abstractmethods__", type_abstractmethods_get, Some(type_abstractmethods_set)),
            ("__annotations__", type_annotations_get, Some(type_annotations_set)),
            ("__basicsize__", type_basicsize, None),
            ("__itemsize__", type_itemsize, None),
            ("__flags__", type_flags, None),
            ("__dictoffset__", type_dictoffset, None),
            ("__weakrefoffset__", type_weakrefoffset, None),
            ("__text_signature__", type_text_signature, None),
        ],
    );
    descr::add_methods(
        &TYPE_TYPE,
        &[
            ("mro", type_mro_method),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__sizeof__", type_sizeof),
            ("__dir__", type_dir),
        ],
    );
    descr::add_methods_kind(&TYPE_TYPE, &[("__prepare__", type_prepare)], descr::MethodKind::Class);
    let s = &WRAPPER_DESCR_TYPE.data.slots;
    s.descr_get.set(Some(wrapper_get));
    s.call.set(Some(wrapper_call));
    s.repr.set(Some(wrapper_repr));
    descr::add_getsets(
        &WRAPPER_DESCR_TYPE,
        &[
            ("__name__", wrapper_name, None),
            ("__qualname__", wrapper_qualname, None),
            ("__objclass__", wrapper_objclass, None),
            ("__text_signature__", wrapper_text_signature, None),
            ("__doc__", wrapper_doc, None),
        ],
    );
    let s = &METHOD_WRAPPER_TYPE.data.slots;
    s.call.set(Some(method_wrapper_call));
    s.repr.set(Some(method_wrapper_repr));
    descr::add_getsets(
        &METHOD_WRAPPER_TYPE,
        &[
            ("__name__", wrapper_name, None),
            ("__qualname__", method_wrapper_qualname, None),
            ("__self__", method_wrapper_self, None),
            ("__objclass__", wrapper_objclass, None),
            ("__text_signature__", wrapper_text_signature, None),
            ("__doc__", wrapper_doc, None),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_dunders_follow_the_operator_tables() {
        for op in 0..nb::INPLACE {
            assert_eq!(SLOT_DUNDERS[dn::BIN + op], nb::DUNDERS[op]);
            assert_eq!(SLOT_DUNDERS[dn::RBIN + op], nb::RDUNDERS[op]);
            assert_eq!(SLOT_DUNDERS[dn::IBIN + op], nb::IDUNDERS[op]);
        }
        assert_eq!(SLOT_DUNDERS[dn::POW], "__pow__");
        assert_eq!(SLOT_DUNDERS[dn::EQ], "__eq__");
        assert_eq!(SLOT_DUNDERS[dn::DEL], "__del__");
        let mut sorted = SLOT_DUNDERS.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), dn::COUNT, "names are unique");
    }

    #[test]
    fn every_slot_dunder_reinstalls_some_slots() {
        for def in SLOTDEFS {
            let i = SLOT_DUNDERS.iter().position(|n| *n == def.name);
            assert!(i.is_some(), "{} missing from SLOT_DUNDERS", def.name);
        }
        let mut all = 0;
        for (i, g) in DUNDER_GROUPS.iter().enumerate() {
            assert_ne!(*g, 0, "{} changes no slot", SLOT_DUNDERS[i]);
            all |= g;
        }
        assert_eq!(all, ALL_GROUPS, "every group depends on some dunder");
        // Dunders read by more than one group.
        assert_eq!(DUNDER_GROUPS[dn::EQ], bit(grp::RICHCMP) | bit(grp::HASH));
        assert_eq!(DUNDER_GROUPS[dn::LEN], bit(grp::LEN) | bit(grp::BOOL));
        assert_eq!(DUNDER_GROUPS[dn::POW], bit(nb::POWER as u32) | bit(grp::POWER3));
        assert_eq!(DUNDER_GROUPS[dn::RBIN + nb::POWER], bit(nb::POWER as u32));
        assert_eq!(DUNDER_GROUPS[dn::IBIN + nb::ADD], bit((nb::INPLACE + nb::ADD) as u32));
    }

    #[test]
    fn slots_copy_and_compare() {
        let (a, b) = (Slots::EMPTY, Slots::EMPTY);
        assert!(a.same_as(&b));
        a.repr.set(Some(slot_repr));
        assert!(!a.same_as(&b));
        b.copy_from(&a);
        assert!(a.same_as(&b));
        b.binary[nb::INPLACE + nb::ADD].set(Some(BINARY_SLOTS[nb::INPLACE + nb::ADD]));
        assert!(!a.same_as(&b));
        a.copy_from(&b);
        assert!(a.same_as(&b) && a.binary[nb::INPLACE + nb::ADD].get().is_some());
    }

    #[test]
    fn slot_names_are_found_by_hash_and_text() {
        let names = SlotNames::new(usize::MAX);
        for (i, n) in SLOT_DUNDERS.iter().enumerate() {
            let v = pystr::new_str(n);
            let found = names.find(pystr::str_hash(&v), |x| is_same_exact_str(&v, x));
            assert_eq!(found, Some(i), "{n}");
        }
        for other in ["__foo__", "add", "__add", "", "__init_subclass__"] {
            let v = pystr::new_str(other);
            assert_eq!(names.find(pystr::str_hash(&v), |x| is_same_exact_str(&v, x)), None, "{other}");
        }
        assert_eq!(pystr::as_rust_str(names.known(kn::SET_NAME)), "__set_name__");
        assert_eq!(pystr::as_rust_str(names.dunder(dn::NEW)), "__new__");
    }
}
