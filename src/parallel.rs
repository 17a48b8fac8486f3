//! Work spread over the machine's cores: [`par_map`], which the import, the story grouping and
//! the story sections share.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` over `items` on as many threads as there are cores (the calling thread one of them, so
/// a single item starts no thread), results in input order. Each thread takes the next item
/// not yet taken, so a long article keeps one thread busy while the others go on with the rest.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut all = std::thread::scope(|s| {
        let handles: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for h in handles {
            all.extend(h.join().expect("worker thread"));
        }
        all
    });
    all.sort_unstable_by_key(|&(i, _)| i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn par_map_keeps_the_input_order_and_runs_one_item_on_the_caller() {
        let caller = std::thread::current().id();
        for n in [0, 1, 2, 3, 17, 1000] {
            let items: Vec<usize> = (0..n).collect();
            let out = par_map(&items, |&i| (i * 3, std::thread::current().id()));
            let values: Vec<usize> = out.iter().map(|(v, _)| *v).collect();
            assert_eq!(values, items.iter().map(|i| i * 3).collect::<Vec<_>>());
            if n == 1 {
                assert_eq!(out[0].1, caller, "one item ran on a new thread");
            }
        }
    }

    #[test]
    fn par_map_goes_on_with_the_rest_while_one_item_is_long() {
        if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
            return; // one core: nothing runs beside the long item
        }
        // Item 0 holds its thread until every other item is done (or 10 s have passed): only
        // a thread free to take them all lets it go at once.
        let items: Vec<usize> = (0..20).collect();
        let done = AtomicUsize::new(0);
        let out = par_map(&items, |&i| {
            if i == 0 {
                let start = Instant::now();
                while done.load(Ordering::SeqCst) < items.len() - 1
                    && start.elapsed() < Duration::from_secs(10)
                {
                    std::thread::sleep(Duration::from_millis(1));
                }
            } else {
                done.fetch_add(1, Ordering::SeqCst);
            }
            std::thread::current().id()
        });
        let beside_the_long_one = out[1..].iter().filter(|&&t| t == out[0]).count();
        assert_eq!(beside_the_long_one, 0, "items waited behind the long one");
    }
}
