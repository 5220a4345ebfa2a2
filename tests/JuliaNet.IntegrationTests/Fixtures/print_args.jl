# Writes ARGS separated by NUL bytes, so every byte of every argument can be compared.
write(stdout, join(ARGS, '\0'))
