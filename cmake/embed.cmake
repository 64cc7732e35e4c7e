# Turns a text file into a C array (NUL-terminated): cmake -DIN= -DOUT= -DNAME= -P embed.cmake
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE ${OUT} "/* Generated from ${IN}; do not edit. */\nextern const char ${NAME}[];\nconst char ${NAME}[] = {${bytes} 0};\n")
