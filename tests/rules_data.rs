//! The vocabulary in rules/ is data, and data is checked: every spelling resolves to a uom
//! unit (loading fails otherwise, naming the file and line), none is defined twice, and every
//! factor numlint uses agrees with its NIST value.

use numlint::units::uom_table;
use numlint::vocab::Vocabulary;

#[test]
fn rules_files_load_and_every_alias_resolves() {
    let v = Vocabulary::load(&[]).expect("the shipped rules files load");
    assert!(
        v.units.names.len() > 300,
        "{} spellings",
        v.units.names.len()
    );
    assert!(v.units.registry.len() > 150);
    for (id, def) in v.units.registry.iter() {
        assert!(!def.name.is_empty(), "unit {id:?} has no name");
        assert!(
            def.factor.is_finite() && def.factor > 0.0,
            "{} has factor {}",
            def.key,
            def.factor
        );
    }
    // Every name resolves to a unit or an ambiguity with readings.
    for (name, m) in &v.units.names {
        match m {
            numlint::units::vocab::UnitMatch::Unit(id) => {
                assert!((id.0 as usize) < v.units.registry.len(), "{name}")
            }
            numlint::units::vocab::UnitMatch::Ambiguous(a) => {
                assert!(v.units.ambiguities[*a].readings.len() >= 2, "{name}")
            }
        }
    }
}

#[test]
fn a_spelling_defined_twice_is_an_error_naming_file_and_line() {
    let extra = "[[unit]]\nid = \"my_km\"\nuom = \"length::kilometer\"\nsystem = \"metric\"\nnames = [\"kilometre\"]\n";
    let err = Vocabulary::load(&[("extra-units.toml", extra)]).unwrap_err();
    assert_eq!(err.file, "extra-units.toml");
    assert_eq!(err.line, Some(5));
    assert!(err.message.contains("kilometre"), "{}", err.message);
}

#[test]
fn an_unknown_uom_unit_is_an_error() {
    let extra = "[[unit]]\nid = \"smoot\"\nuom = \"length::smoot\"\nsystem = \"other\"\nnames = [\"smoot\"]\n";
    let err = Vocabulary::load(&[("units-extra.toml", extra)]).unwrap_err();
    assert_eq!(err.line, Some(3));
    assert!(err.to_string().starts_with("units-extra.toml:3:"), "{err}");
}

#[test]
fn extra_vocabulary_extends_the_defaults() {
    let extra = "[[unit]]\nid = \"league\"\nuom = \"length::mile\"\nmultiple = 3\nname = \"league\"\nsystem = \"imperial\"\nnames = [\"league\", \"leagues\"]\n";
    let v = Vocabulary::load(&[("units-house.toml", extra)]).unwrap();
    let id = v.units.registry.find_key("league").unwrap();
    assert!((v.units.registry.get(id).factor - 4828.032).abs() < 1e-6);
}

#[test]
fn every_uom_path_in_the_table_resolves() {
    assert!(uom_table::ALL.len() > 100);
    for path in uom_table::ALL {
        let u = uom_table::lookup(path).unwrap_or_else(|| panic!("{path}"));
        // uom's plain ratio has no name; the decibel, which rests on it, names itself.
        assert!(
            u.coefficient > 0.0 && (!u.singular.is_empty() || *path == "ratio::ratio"),
            "{path}"
        );
    }
    assert!(uom_table::lookup("length::furlong_not").is_none());
}

/// NIST SP 811 (Appendix B) and the international yard and pound agreement of 1959: the SI
/// value of one unit. uom rounds some factors to seven significant figures (the pound is
/// 0.4535924 there), so the tolerance is 1e-5 relative.
const NIST: &[(&str, f64)] = &[
    ("kilometre", 1000.0),
    ("mile", 1609.344),
    ("nautical_mile", 1852.0),
    ("yard", 0.9144),
    ("foot", 0.3048),
    ("inch", 0.0254),
    ("fathom", 1.8288),
    ("furlong", 201.168),
    ("light_year", 9.46073e15),
    ("tonne", 1000.0),
    ("short_ton", 907.18474),
    ("long_ton", 1016.0469088),
    ("pound_mass", 0.45359237),
    ("ounce", 0.028349523125),
    ("troy_ounce", 0.0311034768),
    ("stone", 6.35029318),
    ("grain", 6.479891e-5),
    ("carat", 2e-4),
    ("square_kilometre", 1e6),
    ("hectare", 1e4),
    ("acre", 4046.8564224),
    ("square_mile", 2_589_988.110336),
    ("square_foot", 0.09290304),
    ("square_yard", 0.83612736),
    ("litre", 1e-3),
    ("us_gallon", 3.785411784e-3),
    ("imperial_gallon", 4.54609e-3),
    ("us_pint", 4.73176473e-4),
    ("imperial_pint", 5.6826125e-4),
    ("barrel", 0.158987294928),
    ("fluid_ounce", 2.95735295625e-5),
    ("cubic_foot", 0.028316846592),
    ("cubic_yard", 0.764554857984),
    ("acre_foot", 1233.48183754752),
    ("kilometre_per_hour", 1.0 / 3.6),
    ("mile_per_hour", 0.44704),
    ("knot", 1852.0 / 3600.0),
    ("foot_per_second", 0.3048),
    ("kilowatt_hour", 3.6e6),
    ("calorie", 4.184),
    ("btu", 1055.05585262),
    ("horsepower", 745.69987158),
    ("psi", 6894.757293168),
    ("atmosphere", 101_325.0),
    ("bar", 1e5),
    ("day", 86_400.0),
    ("week", 604_800.0),
];

#[test]
fn factors_agree_with_nist() {
    let reg = &Vocabulary::builtin().units.registry;
    for (key, si) in NIST {
        let id = reg.find_key(key).unwrap_or_else(|| panic!("no unit {key}"));
        let f = reg.get(id).factor;
        let rel = (f - si).abs() / si;
        assert!(
            rel < 1e-5,
            "{key}: numlint {f}, NIST {si} (relative difference {rel:e})"
        );
    }
}

#[test]
fn temperatures_convert_with_their_offsets() {
    let reg = &Vocabulary::builtin().units.registry;
    let c = reg.find_key("celsius").unwrap();
    let f = reg.find_key("fahrenheit").unwrap();
    let k = reg.find_key("kelvin").unwrap();
    assert!((reg.convert(100.0, c, f) - 212.0).abs() < 1e-9);
    assert!((reg.convert(-40.0, c, f) + 40.0).abs() < 1e-9);
    assert!((reg.convert(0.0, c, k) - 273.15).abs() < 1e-9);
    // A difference of 2 °C is 3.6 °F.
    let dc = reg.get(c).difference.unwrap();
    let df = reg.get(f).difference.unwrap();
    assert!((reg.convert_width(2.0, dc, df) - 3.6).abs() < 1e-9);
}
