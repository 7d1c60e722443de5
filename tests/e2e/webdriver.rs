//! A minimal W3C WebDriver client: exactly the calls the end-to-end tests use, over plain
//! HTTP to tauri-driver on loopback.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long `wait_*` helpers keep polling before failing the test.
pub const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
}

#[derive(Debug, Clone)]
pub struct Element(pub String);

/// A WebDriver error response, or a transport failure.
pub struct WdError(String);

impl std::fmt::Debug for WdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

type Result<T> = std::result::Result<T, WdError>;

impl Session {
    /// Starts the app through tauri-driver listening on `port`.
    pub fn start(port: u16, application: &str, args: &[String]) -> Result<Self> {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(90)))
            .build()
            .new_agent();
        let base = format!("http://127.0.0.1:{port}");
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "tauri:options": { "application": application, "args": args }
            }}
        });
        let value = request(&agent, "POST", &format!("{base}/session"), Some(caps))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| WdError(format!("no sessionId in {value}")))?
            .to_owned();
        Ok(Self { agent, base, id })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}/session/{}{path}", self.base, self.id);
        request(&self.agent, method, &url, body)
    }

    /// Ends the session, which closes the app.
    pub fn quit(self) -> Result<()> {
        let url = format!("{}/session/{}", self.base, self.id);
        request(&self.agent, "DELETE", &url, None).map(|_| ())
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let found = self.call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        Ok(found
            .as_array()
            .map(|items| items.iter().filter_map(element_id).collect())
            .unwrap_or_default())
    }

    pub fn find_all_xpath(&self, xpath: &str) -> Result<Vec<Element>> {
        let found = self.call(
            "POST",
            "/elements",
            Some(json!({"using": "xpath", "value": xpath})),
        )?;
        Ok(found
            .as_array()
            .map(|items| items.iter().filter_map(element_id).collect())
            .unwrap_or_default())
    }

    /// Waits for a displayed, enabled button whose text is exactly `text`.
    pub fn button(&self, text: &str) -> Result<Element> {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        self.wait(&format!("a button {text:?}"), || {
            for el in self.find_all_xpath(&xpath)? {
                if self.displayed(&el)? && self.enabled(&el)? {
                    return Ok(Some(el));
                }
            }
            Ok(None)
        })
    }

    /// Waits for the control labelled `label` (the label's own text, without the asterisk
    /// of a required field).
    pub fn labelled(&self, label: &str) -> Result<Element> {
        let xpath = format!("//label[normalize-space(text())={}]", xpath_literal(label));
        self.wait(&format!("a control labelled {label:?}"), || {
            for l in self.find_all_xpath(&xpath)? {
                let Some(id) = self.attribute(&l, "for")? else {
                    continue;
                };
                if let Some(el) = self.find_all(&format!("[id='{id}']"))?.into_iter().next() {
                    if self.displayed(&el)? {
                        return Ok(Some(el));
                    }
                }
            }
            Ok(None)
        })
    }

    /// Types into the control labelled `label`, replacing what it held.
    pub fn fill(&self, label: &str, text: &str) -> Result<()> {
        let el = self.labelled(label)?;
        self.replace(&el, text)
    }

    /// Replaces what `el` holds with `text` the way a user does: select all, delete, type.
    /// (WebDriver's own clear sets the value underneath React; a re-render can then put the
    /// old value back before typing starts, and the text is appended to it.)
    pub fn replace(&self, el: &Element, text: &str) -> Result<()> {
        const SELECT_ALL_AND_DELETE: &str = "\u{E009}a\u{E000}\u{E003}";
        self.send_keys(el, SELECT_ALL_AND_DELETE)?;
        self.send_keys(el, text)?;
        let value = self.property(el, "value")?;
        if value.as_str() == Some(text) {
            Ok(())
        } else {
            Err(WdError(format!(
                "typed {text:?} but the field holds {value}"
            )))
        }
    }

    /// Chooses `option` in the native select labelled `label`.
    pub fn choose(&self, label: &str, option: &str) -> Result<()> {
        let select = self.labelled(label)?;
        let id = self
            .attribute(&select, "id")?
            .ok_or_else(|| WdError(format!("{label} has no id")))?;
        self.select(&format!("[id='{id}']"), option)
    }

    /// Clicks the listbox option whose text is exactly `text` (Mantine's comboboxes).
    pub fn option(&self, text: &str) -> Result<()> {
        let xpath = format!(
            "//*[@role='option'][normalize-space(.)={}]",
            xpath_literal(text)
        );
        let option = self.wait(&format!("an option {text:?}"), || {
            for el in self.find_all_xpath(&xpath)? {
                if self.displayed(&el)? {
                    return Ok(Some(el));
                }
            }
            Ok(None)
        })?;
        self.click_when_clear(&option, &format!("the option {text:?}"))
    }

    /// Clicks `el`; a click that something lying over it intercepts (a notification, for the
    /// moment before it closes by itself) is tried again until it lands.
    pub fn click_when_clear(&self, el: &Element, what: &str) -> Result<()> {
        self.wait(&format!("a clear click on {what}"), || {
            match self.click(el) {
                Ok(()) => Ok(Some(())),
                Err(WdError(e)) if e.contains("element click intercepted") => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    pub fn enabled(&self, el: &Element) -> Result<bool> {
        let v = self.call("GET", &format!("/element/{}/enabled", el.0), None)?;
        Ok(v.as_bool().unwrap_or(false))
    }

    pub fn displayed(&self, el: &Element) -> Result<bool> {
        let v = self.call("GET", &format!("/element/{}/displayed", el.0), None)?;
        Ok(v.as_bool().unwrap_or(false))
    }

    /// Waits until `css` matches at least one element and returns the first.
    pub fn wait_for(&self, css: &str) -> Result<Element> {
        self.wait(&format!("an element matching {css}"), || {
            Ok(self.find_all(css)?.into_iter().next())
        })
    }

    /// Waits until some element matching `css` has text containing `needle`.
    pub fn wait_for_text(&self, css: &str, needle: &str) -> Result<Element> {
        self.wait(&format!("{css} containing {needle:?}"), || {
            for el in self.find_all(css)? {
                if self.text(&el)?.contains(needle) {
                    return Ok(Some(el));
                }
            }
            Ok(None)
        })
    }

    /// Polls `probe` until it yields a value or `WAIT` passes.
    pub fn wait<T>(&self, what: &str, mut probe: impl FnMut() -> Result<Option<T>>) -> Result<T> {
        let start = Instant::now();
        loop {
            match probe() {
                Ok(Some(found)) => return Ok(found),
                Ok(None) => {}
                // The page re-rendered between finding an element and reading it: look again.
                Err(WdError(e)) if e.contains("stale element reference") => {}
                Err(e) => return Err(e),
            }
            if start.elapsed() > WAIT {
                return Err(WdError(format!(
                    "timed out after {WAIT:?} waiting for {what}"
                )));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Clicks an element after scrolling it to the middle of the window, so that fixed
    /// layers (the header, notices) never cover it, and once it stands still (the same place
    /// for three frames, at most a second): on a busy machine the page may still be settling
    /// (a screen's script or a query arriving), and WebDriver aims where the element was.
    pub fn click(&self, el: &Element) -> Result<()> {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({
                "script": STILL_IN_VIEW,
                "args": [{ ELEMENT_KEY: el.0 }],
            })),
        )?;
        self.call("POST", &format!("/element/{}/click", el.0), Some(json!({})))
            .map(|_| ())
    }

    /// Runs `script` (a function body; `return` gives the result) in the page.
    pub fn execute(&self, script: &str) -> Result<Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    pub fn send_keys(&self, el: &Element, text: &str) -> Result<()> {
        self.call(
            "POST",
            &format!("/element/{}/value", el.0),
            Some(json!({ "text": text })),
        )
        .map(|_| ())
    }

    /// The element's rendered text. WebKitWebDriver renders some visible elements (Mantine
    /// badges, notifications while they animate in) as empty; their text content is read then.
    pub fn text(&self, el: &Element) -> Result<String> {
        let v = self.call("GET", &format!("/element/{}/text", el.0), None)?;
        let rendered = v.as_str().unwrap_or_default();
        if !rendered.is_empty() {
            return Ok(rendered.to_owned());
        }
        let content = self.call(
            "POST",
            "/execute/sync",
            Some(json!({
                "script": "return arguments[0].textContent;",
                "args": [{ ELEMENT_KEY: el.0 }],
            })),
        )?;
        Ok(content
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "))
    }

    pub fn attribute(&self, el: &Element, name: &str) -> Result<Option<String>> {
        let v = self.call("GET", &format!("/element/{}/attribute/{name}", el.0), None)?;
        Ok(v.as_str().map(str::to_owned))
    }

    /// A DOM property, e.g. an input's current `value`.
    pub fn property(&self, el: &Element, name: &str) -> Result<Value> {
        self.call("GET", &format!("/element/{}/property/{name}", el.0), None)
    }

    /// Chooses the option whose text is exactly `label` in the `<select>` matching `css`.
    pub fn select(&self, css: &str, label: &str) -> Result<()> {
        let option = self.wait(&format!("option {label:?} in {css}"), || {
            for option in self.find_all(&format!("{css} option"))? {
                if self.text(&option)?.trim() == label {
                    return Ok(Some(option));
                }
            }
            Ok(None)
        })?;
        self.click_when_clear(&option, &format!("{label:?} in {css}"))
    }

    /// The element that has keyboard focus.
    pub fn active_element(&self) -> Result<Element> {
        let v = self.call("GET", "/element/active", None)?;
        element_id(&v).ok_or_else(|| WdError(format!("no active element in {v}")))
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let v = self.call("GET", "/screenshot", None)?;
        let b64 = v
            .as_str()
            .ok_or_else(|| WdError("no screenshot data".into()))?;
        decode_base64(b64)
    }
}

/// The W3C element reference key.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn element_id(v: &Value) -> Option<Element> {
    v.get(ELEMENT_KEY)
        .and_then(Value::as_str)
        .map(|s| Element(s.to_owned()))
}

fn request(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let response = match (method, body) {
        ("POST", Some(body)) => agent.post(url).send_json(body),
        ("DELETE", _) => agent.delete(url).call(),
        _ => agent.get(url).call(),
    };
    let mut response = response.map_err(|e| WdError(format!("{method} {url}: {e}")))?;
    let status = response.status();
    let json: Value = response
        .body_mut()
        .read_json()
        .map_err(|e| WdError(format!("{method} {url}: unreadable reply: {e}")))?;
    let value = json.get("value").cloned().unwrap_or(Value::Null);
    if !status.is_success() {
        return Err(WdError(format!("{method} {url}: {status}: {value}")));
    }
    Ok(value)
}

/// `text` as an XPath string literal.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

fn decode_base64(s: &str) -> Result<Vec<u8>> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let v = ALPHABET
            .iter()
            .position(|a| *a == c)
            .ok_or_else(|| WdError("bad base64 in screenshot".into()))?;
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

/// Scrolls `arguments[0]` to the middle of the window, then answers once its place has not
/// changed for three animation frames (or after a second).
const STILL_IN_VIEW: &str = "
const [el, done] = arguments;
el.scrollIntoView({block: 'center', inline: 'center'});
const start = performance.now();
let last = '', still = 0;
(function frame() {
  const r = el.getBoundingClientRect();
  const now = `${r.top},${r.left},${scrollY}`;
  still = now === last ? still + 1 : 0;
  last = now;
  if (still >= 3 || performance.now() - start > 1000) done(true);
  else requestAnimationFrame(frame);
})();
";
