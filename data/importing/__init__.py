"""Import users' files into the store: validated completely first, then written in one transaction.

Each importer module (statistics, clusters, survey, ...) registers an Importer; `python -m data
import PATH...` picks the one whose `matches` accepts the file. See data/importing/base.py.

Statistics (facts) come in through:
- statistics.py   tidy CSV/XLSX (region,industry,year,measure,value)
- pxweb.py        PxWeb JSON-stat, API v1 and v2 (jsonstat.py reads the format); its rules for
                  total categories and sub-annual periods are in its docstring
- datacommons.py  Eurostat's regional employment as Data Commons publishes it
- fetch.py        `python -m data fetch-pxweb URL --query FILE` (pxapi.py knows the two APIs)
They share codes.py (SCB <-> NUTS regions, SNI/NACE industries), records.py (checking each
value: FactSheet) and staging.py (datasets: replaced on re-import, written at the command's end).
command.py is the `import` command and the dispatcher over base.IMPORTERS.

The project manager's records come in through assessments.py (qualitative assessments and value
chains, checked by data/assessments.py) and indicator_defs.py (activity indicators, checked by
data/indicator_write.py): the same rules as the app's forms, audited like the forms' saves.
"""
