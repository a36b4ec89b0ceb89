//! What the phone page's browser tests share: chromedriver and headless Chromium started (and
//! killed, also when a test fails), a phone's viewport emulated exactly, the vote cards found
//! by their question, waiting for text, and axe-core's accessibility check.
//!
//! Without `chromedriver` and Chromium on `PATH` a test prints a note and passes, unless
//! `STRATBOARD_REQUIRE_BROWSER=1` (as in CI), when it fails.
#![allow(dead_code, clippy::unwrap_used)]

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Map, json};

/// How long one thing on the page may take to appear.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// Chromedriver and Chromium, when both are on `PATH`; `None` (with a note) when they are not
/// and the browser is not required.
pub fn tools() -> Option<(PathBuf, PathBuf)> {
    let required = std::env::var("STRATBOARD_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let (Some(chromedriver), Some(chromium)) = (
        on_path(&["chromedriver"]),
        on_path(&["chromium", "chromium-browser", "google-chrome"]),
    ) else {
        assert!(
            !required,
            "STRATBOARD_REQUIRE_BROWSER=1 but chromedriver or chromium is not on PATH \
             (apt-get install chromium chromium-driver)"
        );
        eprintln!(
            "note: chromedriver or chromium is not on PATH; the browser test is skipped \
             (apt-get install chromium chromium-driver)"
        );
        return None;
    };
    Some((chromedriver, chromium))
}

/// A WebDriver session in `chromium`, through `browser`'s chromedriver, emulating a phone of
/// `width` × `height` px exactly (a desktop window is at least 500 px wide).
pub async fn phone(browser: &Browser, chromium: &Path, width: u32, height: u32) -> Client {
    let mut capabilities = Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                format!("--window-size={width},{height}"),
                format!("--user-data-dir={}", browser.profile.path().display()),
            ],
            "mobileEmulation": {
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true },
            },
        }),
    );
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", browser.port))
        .await
        .unwrap()
}

/// axe-core's source: `STRATBOARD_AXE`, else `target/axe-core/axe.min.js` (both written by
/// `scripts/axe-core.sh`). `None` where it is not there and the browser is not required.
pub fn axe_source() -> Option<String> {
    let path = std::env::var_os("STRATBOARD_AXE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/axe-core/axe.min.js"),
        PathBuf::from,
    );
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(error) => {
            let required = std::env::var("STRATBOARD_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "STRATBOARD_REQUIRE_BROWSER=1 but axe-core is not at {} ({error}); run scripts/axe-core.sh",
                path.display()
            );
            eprintln!(
                "note: no axe-core at {}; the accessibility check is skipped",
                path.display()
            );
            None
        }
    }
}

/// The accessibility violations axe-core finds on the page as it is now, each as
/// "rule: how many elements (the first one's markup)"; empty when there are none.
pub async fn axe_violations(client: &Client, source: &str) -> Vec<String> {
    client
        .execute(&format!("{source}\n;return true;"), Vec::new())
        .await
        .unwrap();
    let found = client
        .execute_async(
            "var done = arguments[arguments.length - 1];
             axe.run(document).then(function (r) {
               done(r.violations.map(function (v) {
                 return v.id + ': ' + v.nodes.length + ' (' + v.nodes[0].html + ')';
               }));
             }, function (e) { done(['axe failed: ' + e]); });",
            Vec::new(),
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// A program on `PATH`, the first of `names` found.
pub fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Chromedriver (in a process group of its own) and the profile folder of the browser it
/// starts. Dropping it kills chromedriver's process group and any process still using the
/// profile folder, by id, so no browser outlives the test even when it fails.
pub struct Browser {
    driver: Child,
    /// The browser's profile folder.
    pub profile: tempfile::TempDir,
    /// Chromedriver's port.
    pub port: u16,
}

impl Browser {
    /// Starts chromedriver on a free port.
    pub fn start(chromedriver: &Path) -> Self {
        let profile = tempfile::tempdir().unwrap();
        // A free port: bound, read and let go; chromedriver takes it a moment later.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Process::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        let browser = Self {
            driver,
            profile,
            port,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < PATIENCE,
                "chromedriver does not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        browser
    }

    /// The ids of processes whose command line names the profile folder (the browser and its
    /// helpers), read from /proc.
    fn profile_users(&self) -> Vec<u32> {
        let needle = self.profile.path().to_string_lossy().into_owned();
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| {
                std::fs::read(format!("/proc/{pid}/cmdline"))
                    .is_ok_and(|line| String::from_utf8_lossy(&line).contains(&needle))
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let mut pids: Vec<String> = self.profile_users().iter().map(u32::to_string).collect();
        pids.push(format!("-- -{}", self.driver.id()));
        Process::new("sh")
            .args(["-c", &format!("kill -KILL {} 2>/dev/null", pids.join(" "))])
            .status()
            .ok();
        self.driver.kill().ok();
        self.driver.wait().ok();
    }
}

/// The open vote asking `question`, as the page shows it: its card (the vote drawn whole), or
/// its line in the overview (an answered vote). Found anew each time: a live update may redraw
/// it.
pub async fn card(client: &Client, question: &str) -> Option<fantoccini::elements::Element> {
    for card in client
        .find_all(Locator::Css("#votes [data-question]"))
        .await
        .ok()?
    {
        if card.attr("data-question").await.ok()?.as_deref() == Some(question) {
            return Some(card);
        }
    }
    None
}

/// Opens the vote asking `question` from the overview (a tap on its line), when it is there.
pub async fn open_vote(client: &Client, question: &str) {
    let Ok(lines) = client.find_all(Locator::Css("#votes nav button")).await else {
        return;
    };
    for line in lines {
        if line.text().await.is_ok_and(|text| text.contains(question)) {
            line.click().await.ok();
            return;
        }
    }
}

/// The button of `question`'s card whose text ends with `label` (a ranked button reads
/// "· Парк" or "1 Парк"), or that is named `label` for assistive technology (a dot button
/// reads "3" and is named "Парк: 3"). A vote not drawn whole is opened from the overview.
pub async fn button(client: &Client, question: &str, label: &str) -> fantoccini::elements::Element {
    let started = Instant::now();
    loop {
        if let Some(card) = card(client, question).await
            && let Ok(buttons) = card.find_all(Locator::Css("button")).await
        {
            for button in buttons {
                let named = button.attr("aria-label").await.ok().flatten();
                if named.as_deref() == Some(label)
                    || button
                        .text()
                        .await
                        .is_ok_and(|text| text.trim().ends_with(label))
                {
                    return button;
                }
            }
        }
        // Not drawn whole yet: open it from the overview.
        open_vote(client, question).await;
        assert!(
            started.elapsed() < PATIENCE,
            "no button {label:?} in the card {question:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The element `locator` finds, once it is on the page.
pub async fn appears(client: &Client, locator: Locator<'_>) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(PATIENCE)
        .for_element(locator)
        .await
        .unwrap()
}

/// Clicks the element with the id `id`.
pub async fn click_id(client: &Client, id: &str) {
    let element = client.find(Locator::Id(id)).await.unwrap();
    element.click().await.unwrap();
}

/// Waits until the text of `css` (inside `question`'s card, or on the page) is `expected`.
pub async fn wait_for_text(client: &Client, question: Option<&str>, css: &str, expected: &str) {
    let started = Instant::now();
    let mut last = String::new();
    loop {
        let element = match question {
            Some(question) => match card(client, question).await {
                Some(card) => card.find(Locator::Css(css)).await.ok(),
                None => None,
            },
            None => client.find(Locator::Css(css)).await.ok(),
        };
        if let Some(element) = element
            && let Ok(text) = element.text().await
        {
            if text.trim() == expected {
                return;
            }
            last = text;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "{css} in {question:?} reads {last:?}, not {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The page is as wide as the phone (`width` px) and nothing on it sticks out sideways.
pub async fn assert_fits(client: &Client, width: u32) {
    let widths = client
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth];",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        widths,
        json!([width, width]),
        "[viewport, page] width in px"
    );
}
