"""The customers' data-protection rights and the retention policy: export, erasure, restriction, expiry.

- ``subjects``: whom a request is about (customer id, e-mail address or session) and what of theirs is held
- ``export``: the one JSON document of everything held about a person
- ``erasure``: erase or restrict it everywhere, with a receipt of counts
- ``retention``: the scheduled job that deletes what is past its brand's retention period
- ``repository``: their SQL; ``audit``: every privacy action recorded without personal data
"""
