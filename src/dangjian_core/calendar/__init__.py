"""工作日历 — which days are working days: weekends off, declared holidays off, declared
make-up working days (调休上班) on."""
