//! The unit registry: uom's units and exact factors, named by the words in `rules/units.toml`
//! and `rules/currencies.toml`.
//!
//! Every quantity numlint extracts points at one [`UnitId`] here: physical units, currencies,
//! percent and percentage points live in one table so that checks compare like with like.

pub mod uom_table;
pub mod vocab;

pub use vocab::{UnitVocabulary, VocabError};

use serde::Serialize;

/// What a quantity measures. Serialised in snake_case, as `extract` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Length,
    Mass,
    Area,
    Volume,
    Speed,
    Temperature,
    TemperatureDifference,
    Time,
    Energy,
    Power,
    Pressure,
    Information,
    Angle,
    Frequency,
    FuelEconomy,
    Force,
    ElectricPotential,
    ElectricCurrent,
    ElectricCharge,
    InformationRate,
    AngularVelocity,
    Torque,
    FlowRate,
    /// Sieverts: uom has no dose-equivalent quantity; the factor is joules per kilogram.
    RadiationDose,
    /// Decibels: a logarithmic level, never converted.
    SoundLevel,
    Percent,
    Currency,
    Count,
}

impl Dimension {
    /// The name `extract` prints ("temperature_difference").
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Mass => "mass",
            Dimension::Area => "area",
            Dimension::Volume => "volume",
            Dimension::Speed => "speed",
            Dimension::Temperature => "temperature",
            Dimension::TemperatureDifference => "temperature_difference",
            Dimension::Time => "time",
            Dimension::Energy => "energy",
            Dimension::Power => "power",
            Dimension::Pressure => "pressure",
            Dimension::Information => "information",
            Dimension::Angle => "angle",
            Dimension::Frequency => "frequency",
            Dimension::FuelEconomy => "fuel_economy",
            Dimension::Force => "force",
            Dimension::ElectricPotential => "electric_potential",
            Dimension::ElectricCurrent => "electric_current",
            Dimension::ElectricCharge => "electric_charge",
            Dimension::InformationRate => "information_rate",
            Dimension::AngularVelocity => "angular_velocity",
            Dimension::Torque => "torque",
            Dimension::FlowRate => "flow_rate",
            Dimension::RadiationDose => "radiation_dose",
            Dimension::SoundLevel => "sound_level",
            Dimension::Percent => "percent",
            Dimension::Currency => "currency",
            Dimension::Count => "count",
        }
    }

    /// Parses the names used in `rules/units.toml` for units uom has no quantity for.
    pub fn parse(s: &str) -> Option<Dimension> {
        Some(match s {
            "length" => Dimension::Length,
            "mass" => Dimension::Mass,
            "area" => Dimension::Area,
            "volume" => Dimension::Volume,
            "speed" => Dimension::Speed,
            "temperature" => Dimension::Temperature,
            "temperature_difference" => Dimension::TemperatureDifference,
            "time" => Dimension::Time,
            "energy" => Dimension::Energy,
            "power" => Dimension::Power,
            "pressure" => Dimension::Pressure,
            "information" => Dimension::Information,
            "angle" => Dimension::Angle,
            "frequency" => Dimension::Frequency,
            "fuel_economy" => Dimension::FuelEconomy,
            "force" => Dimension::Force,
            "radiation_dose" => Dimension::RadiationDose,
            "flow_rate" => Dimension::FlowRate,
            "information_rate" => Dimension::InformationRate,
            "angular_velocity" => Dimension::AngularVelocity,
            "torque" => Dimension::Torque,
            "sound_level" => Dimension::SoundLevel,
            "percent" => Dimension::Percent,
            "currency" => Dimension::Currency,
            "count" => Dimension::Count,
            _ => return None,
        })
    }

    /// Physical dimensions are the ones a unit conversion can hold between.
    pub fn is_physical(self) -> bool {
        !matches!(
            self,
            Dimension::Percent | Dimension::Currency | Dimension::Count
        )
    }

    /// Absolute temperature and temperature difference are one family for pairing claims.
    pub fn family(self) -> Dimension {
        match self {
            Dimension::TemperatureDifference => Dimension::Temperature,
            d => d,
        }
    }
}

/// Measurement system, for the house-style rules (missing-conversion, conversion-order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    Metric,
    Imperial,
    Us,
    Other,
}

impl System {
    pub fn is_customary(self) -> bool {
        matches!(self, System::Imperial | System::Us)
    }
}

/// Index of a unit in the [`UnitRegistry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct UnitId(pub u16);

/// One unit: its reported name, dimension and exact factor to the SI base (or to the main
/// currency unit for currencies; to 1 for percent).
#[derive(Debug, Clone)]
pub struct UnitDef {
    /// Key in `rules/*.toml`.
    pub key: String,
    /// The name `extract` reports: uom's singular name unless the rules file overrides it.
    /// Shared, so every quantity can carry it without a copy.
    pub name: std::sync::Arc<str>,
    pub dimension: Dimension,
    /// `base = (value + offset) * factor`.
    pub factor: f64,
    pub offset: f64,
    pub system: System,
    /// For absolute temperatures: the matching temperature-difference unit.
    pub difference: Option<UnitId>,
    /// For currencies: the main unit this one is a fraction of (penny -> pound sterling),
    /// or itself.
    pub currency_family: Option<UnitId>,
    /// A short form for messages ("km", "miles"): the first symbol, else the name.
    pub short: String,
    /// A symbol for a rate, read as its unit over a denominator: "bpd" is barrels per day.
    pub rate_of: Option<(UnitId, UnitId)>,
}

impl UnitDef {
    pub fn to_base(&self, v: f64) -> f64 {
        (v + self.offset) * self.factor
    }

    pub fn from_base(&self, b: f64) -> f64 {
        b / self.factor - self.offset
    }
}

/// The table of every unit numlint knows.
#[derive(Debug, Clone, Default)]
pub struct UnitRegistry {
    units: Vec<UnitDef>,
}

impl UnitRegistry {
    pub fn get(&self, id: UnitId) -> &UnitDef {
        &self.units[id.0 as usize]
    }

    pub fn push(&mut self, def: UnitDef) -> UnitId {
        let id = UnitId(self.units.len() as u16);
        self.units.push(def);
        id
    }

    pub fn get_mut(&mut self, id: UnitId) -> &mut UnitDef {
        &mut self.units[id.0 as usize]
    }

    pub fn find_key(&self, key: &str) -> Option<UnitId> {
        self.units
            .iter()
            .position(|u| u.key == key)
            .map(|i| UnitId(i as u16))
    }

    pub fn iter(&self) -> impl Iterator<Item = (UnitId, &UnitDef)> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, u)| (UnitId(i as u16), u))
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Converts `v` from one unit to another of the same dimension.
    pub fn convert(&self, v: f64, from: UnitId, to: UnitId) -> f64 {
        self.get(to).from_base(self.get(from).to_base(v))
    }

    /// Converts a difference (no offsets), for intervals' widths.
    pub fn convert_width(&self, w: f64, from: UnitId, to: UnitId) -> f64 {
        w * self.get(from).factor / self.get(to).factor
    }
}
