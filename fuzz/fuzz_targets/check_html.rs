#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use numlint::InputFormat;

fuzz_target!(|data: &[u8]| {
    common::check(data, InputFormat::Html);
});
