"""Import users' files into the store: validated completely first, then written in one transaction.

Each importer module (statistics, clusters, survey, ...) registers an Importer; `python -m data
import PATH...` picks the one whose `matches` accepts the file. See data/importing/base.py.

Statistics (facts) come in through:
- statistics.py   tidy CSV/XLSX (region,industry,year,measure,value)
- pxweb.py        PxWeb JSON-stat, API v1 and v2 (jsonstat.py reads the format); its rules for
                  total categories and sub-annual periods are in its docstring
- datacommons.py  Eurostat's regional employment as Data Commons publishes it
- published.py    tables as published: years or quarters as columns (footnote marks, series breaks),
                  or regions as columns; periods.py folds quarters and months to years for it and pxweb
- publications.py research output per university, research subject and year (academic_output)
- fetch.py        `python -m data fetch-pxweb URL --query FILE` or `--recipe NAME` (pxapi.py knows the
                  two APIs; data/recipes holds the query files)
They share codes.py (SCB <-> NUTS regions, names, SNI/NACE industries and SCB's 15 groups, sex),
records.py (checking each value: FactSheet) and staging.py (datasets: replaced on re-import, written at
the command's end by ImportSession.write, the one place an import writes; the build loads the shipped
files through the same session, data/real.py).
command.py is the `import` command and the dispatcher over base.IMPORTERS.

The project manager's records come in through assessments.py (qualitative assessments and value
chains, checked by data/assessments.py) and indicator_defs.py (activity indicators, checked by
data/indicator_write.py): the same rules as the app's forms, audited like the forms' saves.
"""
