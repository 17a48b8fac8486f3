//! Running a command as a whole process for the benchmarks: wall time, CPU time and peak memory.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What one process run cost.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Wall time from spawn to reaping.
    pub wall: Duration,
    /// User plus system CPU time.
    #[allow(dead_code)] // benches/pathological.rs reports wall time and memory only
    pub cpu: Duration,
    /// Peak memory (max RSS) in KB.
    pub peak_kb: u64,
}

/// A `timeval` as a duration.
fn tv(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
}

/// Runs `cmd` once to the end (output discarded): its wall time, CPU time and peak memory.
/// Panics when it fails.
// The child is reaped by wait4 (which also gives its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
pub fn run(cmd: &mut Command) -> Run {
    let t = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t.elapsed();
    assert_eq!(waited, pid, "wait4");
    assert!(ExitStatus::from_raw(status).success(), "{cmd:?} failed");
    Run {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        peak_kb: usage.ru_maxrss as u64,
    }
}
