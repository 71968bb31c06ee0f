"""Import users' files into the store: validated completely first, then written in one transaction.

Each importer module (statistics, clusters, survey, ...) registers an Importer; `python -m data
import PATH...` picks the one whose `matches` accepts the file. See data/importing/base.py.
"""
