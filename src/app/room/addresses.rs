//! The laptop's addresses a phone could reach, best first: those of real Wi-Fi and Ethernet
//! adapters, then those of virtual ones (Hyper-V's vEthernet, VirtualBox, VMware, VPN tunnels,
//! Docker and other container bridges), loopback last. A phone in the room reaches the laptop
//! only through a real adapter, and a Windows laptop often has several virtual ones. The
//! ranking is a pure function of the interfaces' names and addresses.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr};

/// One address of one network interface, as the system lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterfaceAddress {
    /// The interface's name: `wlp2s0`, `docker0` on Linux; `Wi-Fi`, `Ethernet 2`,
    /// `vEthernet (WSL)` on Windows.
    pub interface: String,
    /// The address.
    pub ip: IpAddr,
    /// A point-to-point link: a VPN tunnel or a PPP connection.
    pub point_to_point: bool,
}

/// How likely a phone on the room's network reaches an address; the better first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    /// A real Wi-Fi or Ethernet adapter.
    Network,
    /// A virtual adapter, a tunnel, or a self-assigned (169.254.x.x) address.
    Virtual,
    /// This machine only.
    Loopback,
}

/// The start of the names of virtual interfaces on Linux and the BSDs (lower case).
const VIRTUAL_PREFIXES: &[&str] = &[
    "br-",
    "cni",
    "docker",
    "flannel",
    "kube",
    "lxcbr",
    "lxdbr",
    "podman",
    "tailscale",
    "tap",
    "tun",
    "utun",
    "vboxnet",
    "veth",
    "virbr",
    "vmnet",
    "wg",
    "zt",
];

/// Words in the names Windows gives virtual adapters (lower case): Hyper-V's `vEthernet (…)`,
/// `VirtualBox Host-Only Network`, `VMware Network Adapter VMnet8`, the VPN clients'.
const VIRTUAL_WORDS: &[&str] = &[
    "bluetooth",
    "docker",
    "hamachi",
    "hyper-v",
    "loopback",
    "nordlynx",
    "openvpn",
    "radmin",
    "tailscale",
    "tap-windows",
    "vethernet",
    "virtualbox",
    "vmware",
    "vpn",
    "wireguard",
    "wsl",
    "zerotier",
];

fn reach(address: &InterfaceAddress) -> Reach {
    if address.ip.is_loopback() {
        return Reach::Loopback;
    }
    let name = address.interface.to_lowercase();
    let self_assigned = matches!(address.ip, IpAddr::V4(v4) if v4.is_link_local());
    if self_assigned
        || address.point_to_point
        || VIRTUAL_PREFIXES
            .iter()
            .any(|prefix| name.starts_with(prefix))
        || VIRTUAL_WORDS.iter().any(|word| name.contains(word))
    {
        Reach::Virtual
    } else {
        Reach::Network
    }
}

/// The addresses to offer, best first: real adapters', then virtual ones', then loopback;
/// within each, IPv4 before IPv6, then in address order. IPv6 link-local addresses (which need
/// a zone a phone's browser cannot be given) are left out, and an address found on two
/// interfaces is listed once, at its better place. Never empty: with no address at all, the
/// loopback one.
pub fn rank_addresses(found: &[InterfaceAddress]) -> Vec<IpAddr> {
    let mut ranked: Vec<(Reach, bool, IpAddr)> = found
        .iter()
        .filter(|a| !matches!(a.ip, IpAddr::V6(v6) if v6.is_unicast_link_local()))
        .map(|a| (reach(a), a.ip.is_ipv6(), a.ip))
        .collect();
    ranked.sort();
    let mut seen = HashSet::new();
    let mut addresses: Vec<IpAddr> = ranked
        .into_iter()
        .map(|(_, _, ip)| ip)
        .filter(|ip| seen.insert(*ip))
        .collect();
    if addresses.is_empty() {
        addresses.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    addresses
}

/// This machine's addresses a phone could reach, best first ([`rank_addresses`]).
pub fn local_addresses() -> Vec<IpAddr> {
    let found: Vec<InterfaceAddress> = if_addrs::get_if_addrs()
        .map(|all| {
            all.into_iter()
                .map(|i| InterfaceAddress {
                    ip: i.ip(),
                    point_to_point: i.is_p2p(),
                    interface: i.name,
                })
                .collect()
        })
        .unwrap_or_default();
    rank_addresses(&found)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(interface: &str, ip: &str) -> InterfaceAddress {
        InterfaceAddress {
            interface: interface.to_owned(),
            ip: ip.parse().unwrap(),
            point_to_point: false,
        }
    }

    fn ranked(found: &[InterfaceAddress]) -> Vec<String> {
        rank_addresses(found)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_windows_laptops_wifi_comes_before_hyper_v_virtualbox_vmware_and_vpns() {
        let found = [
            at("Loopback Pseudo-Interface 1", "127.0.0.1"),
            at("vEthernet (Default Switch)", "172.29.160.1"),
            at("vEthernet (WSL)", "172.20.0.1"),
            at("VirtualBox Host-Only Network", "192.168.56.1"),
            at("VMware Network Adapter VMnet8", "192.168.80.1"),
            at("OpenVPN TAP-Windows6", "10.8.0.6"),
            at("Radmin VPN", "26.1.2.3"),
            at("Беспроводная сеть", "192.168.1.35"),
            at("Ethernet", "fd00::35"),
            at("Ethernet", "fe80::1c2d:3e4f:5a6b:7c8d"),
            at("Ethernet 2", "10.0.0.12"),
        ];
        assert_eq!(
            ranked(&found),
            [
                "10.0.0.12",
                "192.168.1.35",
                "fd00::35",
                "10.8.0.6",
                "26.1.2.3",
                "172.20.0.1",
                "172.29.160.1",
                "192.168.56.1",
                "192.168.80.1",
                "127.0.0.1",
            ]
        );
    }

    #[test]
    fn on_linux_containers_bridges_and_tunnels_come_after_the_real_adapters() {
        let mut wireguard = at("office", "10.66.0.2");
        wireguard.point_to_point = true;
        let found = [
            at("lo", "127.0.0.1"),
            at("docker0", "172.17.0.1"),
            at("br-5f2a9c", "172.18.0.1"),
            at("virbr0", "192.168.122.1"),
            at("veth1a2b3c", "169.254.10.20"),
            at("tun0", "10.9.0.2"),
            at("wg0", "10.7.0.2"),
            wireguard,
            at("wlp2s0", "192.168.43.17"),
            at("enp3s0", "192.168.0.10"),
            at("lo", "::1"),
        ];
        assert_eq!(
            ranked(&found),
            [
                "192.168.0.10",
                "192.168.43.17",
                "10.7.0.2",
                "10.9.0.2",
                "10.66.0.2",
                "169.254.10.20",
                "172.17.0.1",
                "172.18.0.1",
                "192.168.122.1",
                "127.0.0.1",
                "::1",
            ]
        );
    }

    #[test]
    fn an_address_on_two_interfaces_is_listed_once_at_its_better_place() {
        let found = [
            at("vEthernet (External)", "192.168.1.20"),
            at("docker0", "172.17.0.1"),
            at("Wi-Fi", "192.168.1.20"),
        ];
        assert_eq!(ranked(&found), ["192.168.1.20", "172.17.0.1"]);
    }

    #[test]
    fn with_no_address_at_all_the_loopback_one_is_offered() {
        assert_eq!(ranked(&[]), ["127.0.0.1"]);
        assert_eq!(ranked(&[at("eth0", "fe80::1")]), ["127.0.0.1"]);
    }
}
