//! What every request passes before its route, and what every answer carries.
//!
//! - **Host.** A request must name the room by an IP address (IPv4, or IPv6 in brackets) or
//!   `localhost`, with the room's own port: `Host: 192.168.1.23:8080`. A name
//!   (`Host: evil.example:8080`) is refused 421 `wrong-host`. This defeats DNS rebinding — a
//!   web page elsewhere that points its own name at the room's address to make a participant's
//!   browser talk to the room: the browser would send that name. Any IP literal is accepted
//!   (rather than only the machine's own addresses, which change as adapters come and go, and
//!   which a `0.0.0.0` bind would have to list), since a page of another site cannot make a
//!   browser send an IP literal as its host for the page's own origin.
//! - **Bodies.** Every `POST` must say `Content-Type: application/json` (a charset allowed),
//!   else 415 `unsupported-media-type`: a page of another site can send a "simple" cross-origin
//!   request (`text/plain`, a form) without the browser asking first, but not a JSON one.
//! - **Headers.** Every answer carries the page's Content-Security-Policy
//!   ([`crate::page::content_security_policy`]), `X-Frame-Options: DENY`, `Referrer-Policy:
//!   no-referrer`, `X-Content-Type-Options: nosniff` and `Cache-Control: no-store` (nothing the
//!   room says is kept by a browser or a proxy: a shared phone keeps no one's state).

use std::net::{IpAddr, SocketAddr};

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::api::{Reason, refuse};

/// The address a connection came in on (the room's own address and port), put in each
/// request's extensions by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Local(pub SocketAddr);

/// The layer every request passes: the host and the body's type checked, the security
/// headers added to the answer.
pub async fn guard(request: Request, next: Next) -> Response {
    let port = request
        .extensions()
        .get::<Local>()
        .map(|local| local.0.port());
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    let answer = if !host.is_some_and(|host| host_allowed(host, port)) {
        refuse(
            StatusCode::MISDIRECTED_REQUEST,
            Reason::WrongHost,
            "open the room at its IP address and port",
        )
    } else if request.method() == Method::POST && !is_json(request.headers()) {
        refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Reason::UnsupportedMediaType,
            "send the body as Content-Type: application/json",
        )
    } else {
        next.run(request).await
    };
    secured(answer)
}

/// Whether `host` (a `Host` header) names the room: an IP literal or `localhost`, with the
/// room's port (`port`; none known: any), or no port where the room is on 80.
pub fn host_allowed(host: &str, port: Option<u16>) -> bool {
    let Ok(authority) = host.parse::<axum::http::uri::Authority>() else {
        return false;
    };
    if authority.as_str().contains('@') {
        return false;
    }
    let name = authority.host();
    let literal = name
        .strip_prefix('[')
        .and_then(|inner| inner.strip_suffix(']'))
        .unwrap_or(name);
    let named_right =
        literal.parse::<IpAddr>().is_ok() || literal.eq_ignore_ascii_case("localhost");
    let port_right = match port {
        Some(port) => authority.port_u16().unwrap_or(80) == port,
        None => true,
    };
    named_right && port_right
}

/// Whether a request says its body is JSON (`application/json`, parameters allowed).
pub fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/json"))
}

/// `answer` with the security headers.
fn secured(mut answer: Response) -> Response {
    let headers = answer.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(crate::page::content_security_policy()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    let fixed = [
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    answer
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_an_ip_or_localhost_with_the_rooms_port_names_the_room() {
        let room = Some(8080);
        for host in [
            "192.168.1.23:8080",
            "127.0.0.1:8080",
            "[fe80::1]:8080",
            "[::1]:8080",
            "localhost:8080",
        ] {
            assert!(host_allowed(host, room), "{host}");
        }
        for host in [
            "evil.example:8080",
            "192.168.1.23.nip.io:8080",
            "192.168.1.23:9090",
            "192.168.1.23",
            "user@192.168.1.23:8080",
            "",
            "[fe80::1",
        ] {
            assert!(!host_allowed(host, room), "{host}");
        }
        assert!(host_allowed("10.0.0.2", Some(80)), "port 80 may go unsaid");
    }

    #[test]
    fn json_is_json_with_or_without_a_charset() {
        let with = |kind: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
            is_json(&headers)
        };
        assert!(with("application/json"));
        assert!(with("Application/JSON; charset=utf-8"));
        assert!(!with("text/plain"));
        assert!(!with("application/x-www-form-urlencoded"));
        assert!(!with("multipart/form-data; boundary=x"));
        assert!(!is_json(&HeaderMap::new()));
    }
}
