//! The build script. For a Windows target it embeds the icon, the application manifest and the
//! version information (`assets/windows/stratboard.rc.in`, the version from Cargo.toml) into
//! `stratboard.exe`, compiled with mingw-w64's resource compiler (`x86_64-w64-mingw32-windres`;
//! the `WINDRES` variable names another). For every other target it does nothing and needs
//! nothing.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return Ok(());
    }
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let assets = manifest_dir.join("assets").join("windows");
    for file in [
        "stratboard.rc.in",
        "stratboard.ico",
        "stratboard.exe.manifest",
    ] {
        println!("cargo:rerun-if-changed={}", assets.join(file).display());
    }
    println!("cargo:rerun-if-env-changed=WINDRES");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let script = resource_script(&assets, &std::env::var("CARGO_PKG_VERSION")?)?;
    std::fs::write(out_dir.join("stratboard.rc"), script)?;
    let object = compile(&out_dir)?;
    // Only the program links it: the tests and benches have no use for an icon.
    println!("cargo:rustc-link-arg-bins={}", object.display());
    Ok(())
}

/// The resource script with the version (`0.1.0` and `0,1,0,0`) and the assets' folder filled
/// in.
fn resource_script(assets: &Path, version: &str) -> Result<String, Box<dyn Error>> {
    let template = std::fs::read_to_string(assets.join("stratboard.rc.in"))?;
    let numbers: Vec<&str> = version
        .split(['.', '-', '+'])
        .take(3)
        .chain(std::iter::repeat("0"))
        .take(4)
        .collect();
    // The resource compiler reads `\` as an escape; `/` works as a separator on Windows too.
    let assets = assets.display().to_string().replace('\\', "/");
    Ok(template
        .replace("@VERSION_COMMAS@", &numbers.join(","))
        .replace("@VERSION@", version)
        .replace("@ASSETS@", &assets))
}

/// Compiles `stratboard.rc` in `out_dir` into a COFF object there, and returns its path. It
/// runs in `out_dir` with relative names: windres hands its input to the preprocessor through a
/// shell, which would split a path with spaces.
fn compile(out_dir: &Path) -> Result<PathBuf, Box<dyn Error>> {
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| {
        let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
        format!("{arch}-w64-mingw32-windres")
    });
    let object = out_dir.join("stratboard-resources.o");
    let status = Command::new(&windres)
        .current_dir(out_dir)
        .args(["--codepage=65001", "--input=stratboard.rc"])
        .args(["--output-format=coff", "--output=stratboard-resources.o"])
        .status()
        .map_err(|error| format!("{windres} (mingw-w64's resource compiler): {error}"))?;
    if !status.success() {
        return Err(format!("{windres} failed ({status}) on {}", object.display()).into());
    }
    Ok(object)
}
