// Host-side operations that may run metamethods (t[k], t[k] = v, tostring, ..): each runs under
// lua_pcall as script code (the cap enforced, the stop hook reaching it), so plugin code the host runs
// this way is bound by the same limits as the script itself.
#include "context.h"

static int do_gettable(lua_State *L) {
    lua_gettable(L, 1);
    return 1;
}

int dossier_pgettable(lua_State *L, int tableIndex) {
    tableIndex = lua_absindex(L, tableIndex);
    lua_pushcfunction(L, do_gettable);
    lua_pushvalue(L, tableIndex);
    lua_pushvalue(L, -3);
    int status = dossier_pcall_as_script(L, 2, 1, 0);
    lua_remove(L, -2); // the key
    return status;
}

static int do_settable(lua_State *L) {
    lua_settable(L, 1);
    return 0;
}

int dossier_psettable(lua_State *L, int tableIndex) {
    tableIndex = lua_absindex(L, tableIndex);
    lua_pushcfunction(L, do_settable);
    lua_pushvalue(L, tableIndex);
    lua_pushvalue(L, -4);
    lua_pushvalue(L, -4);
    int status = dossier_pcall_as_script(L, 3, 0, 0);
    if (status == LUA_OK) {
        lua_pop(L, 2);
    } else {
        lua_rotate(L, -3, 1); // the error below key and value
        lua_pop(L, 2);
    }
    return status;
}

static int do_tostring(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

int dossier_ptostring(lua_State *L, int index) {
    index = lua_absindex(L, index);
    lua_pushcfunction(L, do_tostring);
    lua_pushvalue(L, index);
    return dossier_pcall_as_script(L, 1, 1, 0);
}

static int do_concat(lua_State *L) {
    lua_concat(L, lua_gettop(L));
    return 1;
}

int dossier_pconcat(lua_State *L, int n) {
    lua_pushcfunction(L, do_concat);
    lua_insert(L, -(n + 1));
    return dossier_pcall_as_script(L, n, 1, 0);
}

