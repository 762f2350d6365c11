from sim.entry import run

raise SystemExit(run())
