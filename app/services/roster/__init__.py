"""The roster import (IMPORT.md): reading the spreadsheet (`reader`) into checked rows (`rows`),
comparing with the database (`diff`, `units`) into a plan (`plan`), applying it all-or-nothing
(`apply`, driven by `importer`), the template and export workbooks (`sheets`), the uploaded file
between preview and apply (`store`) and `flask import-employees` (`cli`)."""
