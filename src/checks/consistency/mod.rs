//! Whole-document consistency: the same thing given different figures in different places.

pub mod restated;
