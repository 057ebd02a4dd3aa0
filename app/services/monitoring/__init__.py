"""What the pengelola kinerja watches: the periods of every pegawai of an OPD (`monitoring`), the
predikat recap against the distribution curve (`recap`) and their XLSX exports (`sheets`)."""
