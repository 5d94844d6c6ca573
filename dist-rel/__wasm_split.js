import { initSync } from "./switchboard-cf90b0b56f92651a.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        sharedImports = { __wasm_split: {  } };
        const { __indirect_function_table, __wasm_split_shared0, memory,  } = initSync(undefined, undefined);
        Object.assign(sharedImports.__wasm_split, { __indirect_function_table, __wasm_split_shared0, memory,  });
    }
    return sharedImports;
}
function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        let success;
        try {
            await callee();
            success = true;
        } catch (e) {
            console.error(e);
            success = false;
        } finally {
            const sharedImports = getSharedImports();
            sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
        }
    }
}
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);
    };
    let loadingModule = undefined;
    return () => {
        if (loadingModule === undefined) {
            const thisLoad = loader();
            // Memoize successes only: a rejected load must not be cached for
            // the lifetime of the session, or one transient network failure
            // permanently breaks the module. Clearing on rejection lets the
            // next call (e.g. the Rust side re-invoking load after a failed
            // callback) start a fresh attempt.
            thisLoad.catch(() => {
                if (loadingModule === thisLoad) loadingModule = undefined;
            });
            loadingModule = thisLoad;
        }
        return loadingModule;
    }
}
/* __contact_route_view_9490168211031089724, __contacts_route_view_5978596226596003450, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_15 = makeLoad(() => {
    const src = fetch(new URL("./chunk_15.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_16 = makeLoad(() => {
    const src = fetch(new URL("./chunk_16.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212 */
const __chunk_17 = makeLoad(() => {
    const src = fetch(new URL("./chunk_17.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __help_desk_settings_route_view_14765152630932264303, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_18 = makeLoad(() => {
    const src = fetch(new URL("./chunk_18.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, __ticket_route_view_9315536811355161504, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_19 = makeLoad(() => {
    const src = fetch(new URL("./chunk_19.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212 */
const __chunk_20 = makeLoad(() => {
    const src = fetch(new URL("./chunk_20.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_21 = makeLoad(() => {
    const src = fetch(new URL("./chunk_21.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __inboxes_settings_route_view_16011954901224027655, __ticket_route_view_9315536811355161504 */
const __chunk_22 = makeLoad(() => {
    const src = fetch(new URL("./chunk_22.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __inboxes_settings_route_view_16011954901224027655, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_23 = makeLoad(() => {
    const src = fetch(new URL("./chunk_23.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_24 = makeLoad(() => {
    const src = fetch(new URL("./chunk_24.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __ticket_route_view_9315536811355161504, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_25 = makeLoad(() => {
    const src = fetch(new URL("./chunk_25.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_26 = makeLoad(() => {
    const src = fetch(new URL("./chunk_26.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_27 = makeLoad(() => {
    const src = fetch(new URL("./chunk_27.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contact_route_view_9490168211031089724, thread_view_10247811106977940989 */
const __chunk_28 = makeLoad(() => {
    const src = fetch(new URL("./chunk_28.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931 */
const __chunk_29 = makeLoad(() => {
    const src = fetch(new URL("./chunk_29.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655 */
const __chunk_30 = makeLoad(() => {
    const src = fetch(new URL("./chunk_30.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_31 = makeLoad(() => {
    const src = fetch(new URL("./chunk_31.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_32 = makeLoad(() => {
    const src = fetch(new URL("./chunk_32.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376 */
const __chunk_33 = makeLoad(() => {
    const src = fetch(new URL("./chunk_33.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931, __templates_settings_route_view_7404580477687714376 */
const __chunk_34 = makeLoad(() => {
    const src = fetch(new URL("./chunk_34.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_35 = makeLoad(() => {
    const src = fetch(new URL("./chunk_35.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376 */
const __chunk_36 = makeLoad(() => {
    const src = fetch(new URL("./chunk_36.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __help_desk_tickets_route_view_13299416506883674931 */
const __chunk_37 = makeLoad(() => {
    const src = fetch(new URL("./chunk_37.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __templates_settings_route_view_7404580477687714376 */
const __chunk_38 = makeLoad(() => {
    const src = fetch(new URL("./chunk_38.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_39 = makeLoad(() => {
    const src = fetch(new URL("./chunk_39.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_40 = makeLoad(() => {
    const src = fetch(new URL("./chunk_40.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_41 = makeLoad(() => {
    const src = fetch(new URL("./chunk_41.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __contacts_route_view_5978596226596003450, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_42 = makeLoad(() => {
    const src = fetch(new URL("./chunk_42.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655 */
const __chunk_43 = makeLoad(() => {
    const src = fetch(new URL("./chunk_43.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655 */
const __chunk_44 = makeLoad(() => {
    const src = fetch(new URL("./chunk_44.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948 */
const __chunk_45 = makeLoad(() => {
    const src = fetch(new URL("./chunk_45.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376 */
const __chunk_46 = makeLoad(() => {
    const src = fetch(new URL("./chunk_46.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, __ticket_route_view_9315536811355161504, composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_47 = makeLoad(() => {
    const src = fetch(new URL("./chunk_47.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, __ticket_route_view_9315536811355161504, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_48 = makeLoad(() => {
    const src = fetch(new URL("./chunk_48.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_49 = makeLoad(() => {
    const src = fetch(new URL("./chunk_49.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_50 = makeLoad(() => {
    const src = fetch(new URL("./chunk_50.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_51 = makeLoad(() => {
    const src = fetch(new URL("./chunk_51.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, thread_view_10247811106977940989 */
const __chunk_52 = makeLoad(() => {
    const src = fetch(new URL("./chunk_52.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376 */
const __chunk_53 = makeLoad(() => {
    const src = fetch(new URL("./chunk_53.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, __ticket_route_view_9315536811355161504, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_54 = makeLoad(() => {
    const src = fetch(new URL("./chunk_54.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_55 = makeLoad(() => {
    const src = fetch(new URL("./chunk_55.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_56 = makeLoad(() => {
    const src = fetch(new URL("./chunk_56.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, thread_view_10247811106977940989 */
const __chunk_57 = makeLoad(() => {
    const src = fetch(new URL("./chunk_57.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __inboxes_settings_route_view_16011954901224027655, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_58 = makeLoad(() => {
    const src = fetch(new URL("./chunk_58.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __mail_server_settings_route_view_10899380567516853948 */
const __chunk_59 = makeLoad(() => {
    const src = fetch(new URL("./chunk_59.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376 */
const __chunk_60 = makeLoad(() => {
    const src = fetch(new URL("./chunk_60.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __profile_settings_route_view_4473246223386984212 */
const __chunk_61 = makeLoad(() => {
    const src = fetch(new URL("./chunk_61.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __profile_settings_route_view_4473246223386984212, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_62 = makeLoad(() => {
    const src = fetch(new URL("./chunk_62.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_63 = makeLoad(() => {
    const src = fetch(new URL("./chunk_63.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_64 = makeLoad(() => {
    const src = fetch(new URL("./chunk_64.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_65 = makeLoad(() => {
    const src = fetch(new URL("./chunk_65.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, seed_demo_5465752356031060402 */
const __chunk_66 = makeLoad(() => {
    const src = fetch(new URL("./chunk_66.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_settings_route_view_14765152630932264303, thread_view_10247811106977940989 */
const __chunk_67 = makeLoad(() => {
    const src = fetch(new URL("./chunk_67.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_68 = makeLoad(() => {
    const src = fetch(new URL("./chunk_68.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_69 = makeLoad(() => {
    const src = fetch(new URL("./chunk_69.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_70 = makeLoad(() => {
    const src = fetch(new URL("./chunk_70.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_71 = makeLoad(() => {
    const src = fetch(new URL("./chunk_71.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __inboxes_settings_route_view_16011954901224027655, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_72 = makeLoad(() => {
    const src = fetch(new URL("./chunk_72.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_73 = makeLoad(() => {
    const src = fetch(new URL("./chunk_73.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_74 = makeLoad(() => {
    const src = fetch(new URL("./chunk_74.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __ticket_route_view_9315536811355161504, composer_15240355414976664185, seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_75 = makeLoad(() => {
    const src = fetch(new URL("./chunk_75.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __ticket_route_view_9315536811355161504, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_76 = makeLoad(() => {
    const src = fetch(new URL("./chunk_76.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __ticket_route_view_9315536811355161504, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_77 = makeLoad(() => {
    const src = fetch(new URL("./chunk_77.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_78 = makeLoad(() => {
    const src = fetch(new URL("./chunk_78.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_79 = makeLoad(() => {
    const src = fetch(new URL("./chunk_79.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __help_desk_tickets_route_view_13299416506883674931, thread_view_10247811106977940989 */
const __chunk_80 = makeLoad(() => {
    const src = fetch(new URL("./chunk_80.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948 */
const __chunk_81 = makeLoad(() => {
    const src = fetch(new URL("./chunk_81.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212 */
const __chunk_82 = makeLoad(() => {
    const src = fetch(new URL("./chunk_82.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376 */
const __chunk_83 = makeLoad(() => {
    const src = fetch(new URL("./chunk_83.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_84 = makeLoad(() => {
    const src = fetch(new URL("./chunk_84.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_85 = makeLoad(() => {
    const src = fetch(new URL("./chunk_85.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_86 = makeLoad(() => {
    const src = fetch(new URL("./chunk_86.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_87 = makeLoad(() => {
    const src = fetch(new URL("./chunk_87.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, thread_view_10247811106977940989 */
const __chunk_88 = makeLoad(() => {
    const src = fetch(new URL("./chunk_88.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376 */
const __chunk_89 = makeLoad(() => {
    const src = fetch(new URL("./chunk_89.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_90 = makeLoad(() => {
    const src = fetch(new URL("./chunk_90.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_91 = makeLoad(() => {
    const src = fetch(new URL("./chunk_91.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_92 = makeLoad(() => {
    const src = fetch(new URL("./chunk_92.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_93 = makeLoad(() => {
    const src = fetch(new URL("./chunk_93.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, import_file_list_12398464811748518743, run_once_lazily_349459829777971522 */
const __chunk_94 = makeLoad(() => {
    const src = fetch(new URL("./chunk_94.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402 */
const __chunk_95 = makeLoad(() => {
    const src = fetch(new URL("./chunk_95.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __mail_server_settings_route_view_10899380567516853948, thread_view_10247811106977940989 */
const __chunk_96 = makeLoad(() => {
    const src = fetch(new URL("./chunk_96.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212 */
const __chunk_97 = makeLoad(() => {
    const src = fetch(new URL("./chunk_97.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376 */
const __chunk_98 = makeLoad(() => {
    const src = fetch(new URL("./chunk_98.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_99 = makeLoad(() => {
    const src = fetch(new URL("./chunk_99.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_100 = makeLoad(() => {
    const src = fetch(new URL("./chunk_100.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_101 = makeLoad(() => {
    const src = fetch(new URL("./chunk_101.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_102 = makeLoad(() => {
    const src = fetch(new URL("./chunk_102.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_103 = makeLoad(() => {
    const src = fetch(new URL("./chunk_103.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_104 = makeLoad(() => {
    const src = fetch(new URL("./chunk_104.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402 */
const __chunk_105 = makeLoad(() => {
    const src = fetch(new URL("./chunk_105.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __profile_settings_route_view_4473246223386984212, thread_view_10247811106977940989 */
const __chunk_106 = makeLoad(() => {
    const src = fetch(new URL("./chunk_106.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376 */
const __chunk_107 = makeLoad(() => {
    const src = fetch(new URL("./chunk_107.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_108 = makeLoad(() => {
    const src = fetch(new URL("./chunk_108.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_109 = makeLoad(() => {
    const src = fetch(new URL("./chunk_109.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_110 = makeLoad(() => {
    const src = fetch(new URL("./chunk_110.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_111 = makeLoad(() => {
    const src = fetch(new URL("./chunk_111.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_112 = makeLoad(() => {
    const src = fetch(new URL("./chunk_112.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_113 = makeLoad(() => {
    const src = fetch(new URL("./chunk_113.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_114 = makeLoad(() => {
    const src = fetch(new URL("./chunk_114.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_115 = makeLoad(() => {
    const src = fetch(new URL("./chunk_115.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_116 = makeLoad(() => {
    const src = fetch(new URL("./chunk_116.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_117 = makeLoad(() => {
    const src = fetch(new URL("./chunk_117.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_118 = makeLoad(() => {
    const src = fetch(new URL("./chunk_118.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, import_file_list_12398464811748518743, run_once_lazily_349459829777971522 */
const __chunk_119 = makeLoad(() => {
    const src = fetch(new URL("./chunk_119.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402 */
const __chunk_120 = makeLoad(() => {
    const src = fetch(new URL("./chunk_120.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_121 = makeLoad(() => {
    const src = fetch(new URL("./chunk_121.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, run_once_lazily_349459829777971522 */
const __chunk_122 = makeLoad(() => {
    const src = fetch(new URL("./chunk_122.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, seed_demo_5465752356031060402 */
const __chunk_123 = makeLoad(() => {
    const src = fetch(new URL("./chunk_123.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __inboxes_settings_route_view_16011954901224027655, thread_view_10247811106977940989 */
const __chunk_124 = makeLoad(() => {
    const src = fetch(new URL("./chunk_124.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, __profile_settings_route_view_4473246223386984212, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_125 = makeLoad(() => {
    const src = fetch(new URL("./chunk_125.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_126 = makeLoad(() => {
    const src = fetch(new URL("./chunk_126.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_127 = makeLoad(() => {
    const src = fetch(new URL("./chunk_127.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, __templates_settings_route_view_7404580477687714376, run_once_lazily_349459829777971522 */
const __chunk_128 = makeLoad(() => {
    const src = fetch(new URL("./chunk_128.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_129 = makeLoad(() => {
    const src = fetch(new URL("./chunk_129.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_130 = makeLoad(() => {
    const src = fetch(new URL("./chunk_130.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_131 = makeLoad(() => {
    const src = fetch(new URL("./chunk_131.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, import_file_list_12398464811748518743, run_once_lazily_349459829777971522 */
const __chunk_132 = makeLoad(() => {
    const src = fetch(new URL("./chunk_132.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, run_once_lazily_349459829777971522 */
const __chunk_133 = makeLoad(() => {
    const src = fetch(new URL("./chunk_133.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_134 = makeLoad(() => {
    const src = fetch(new URL("./chunk_134.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __mail_server_settings_route_view_10899380567516853948, thread_view_10247811106977940989 */
const __chunk_135 = makeLoad(() => {
    const src = fetch(new URL("./chunk_135.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __profile_settings_route_view_4473246223386984212, __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_136 = makeLoad(() => {
    const src = fetch(new URL("./chunk_136.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __profile_settings_route_view_4473246223386984212, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_137 = makeLoad(() => {
    const src = fetch(new URL("./chunk_137.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __profile_settings_route_view_4473246223386984212, seed_demo_5465752356031060402 */
const __chunk_138 = makeLoad(() => {
    const src = fetch(new URL("./chunk_138.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __profile_settings_route_view_4473246223386984212, thread_view_10247811106977940989 */
const __chunk_139 = makeLoad(() => {
    const src = fetch(new URL("./chunk_139.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __templates_settings_route_view_7404580477687714376, __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_140 = makeLoad(() => {
    const src = fetch(new URL("./chunk_140.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __templates_settings_route_view_7404580477687714376, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_141 = makeLoad(() => {
    const src = fetch(new URL("./chunk_141.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __templates_settings_route_view_7404580477687714376, import_file_list_12398464811748518743, run_once_lazily_349459829777971522 */
const __chunk_142 = makeLoad(() => {
    const src = fetch(new URL("./chunk_142.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __templates_settings_route_view_7404580477687714376, seed_demo_5465752356031060402 */
const __chunk_143 = makeLoad(() => {
    const src = fetch(new URL("./chunk_143.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __templates_settings_route_view_7404580477687714376, thread_view_10247811106977940989 */
const __chunk_144 = makeLoad(() => {
    const src = fetch(new URL("./chunk_144.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_145 = makeLoad(() => {
    const src = fetch(new URL("./chunk_145.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __ticket_route_view_9315536811355161504, composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_146 = makeLoad(() => {
    const src = fetch(new URL("./chunk_146.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __ticket_route_view_9315536811355161504, composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_147 = makeLoad(() => {
    const src = fetch(new URL("./chunk_147.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __ticket_route_view_9315536811355161504, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_148 = makeLoad(() => {
    const src = fetch(new URL("./chunk_148.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* __ticket_route_view_9315536811355161504, thread_view_10247811106977940989 */
const __chunk_149 = makeLoad(() => {
    const src = fetch(new URL("./chunk_149.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* composer_15240355414976664185, import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_150 = makeLoad(() => {
    const src = fetch(new URL("./chunk_150.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* composer_15240355414976664185, import_file_list_12398464811748518743, thread_view_10247811106977940989 */
const __chunk_151 = makeLoad(() => {
    const src = fetch(new URL("./chunk_151.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* composer_15240355414976664185, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_152 = makeLoad(() => {
    const src = fetch(new URL("./chunk_152.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* composer_15240355414976664185, seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_153 = makeLoad(() => {
    const src = fetch(new URL("./chunk_153.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* composer_15240355414976664185, thread_view_10247811106977940989 */
const __chunk_154 = makeLoad(() => {
    const src = fetch(new URL("./chunk_154.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* import_file_list_12398464811748518743, run_once_lazily_349459829777971522 */
const __chunk_155 = makeLoad(() => {
    const src = fetch(new URL("./chunk_155.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* import_file_list_12398464811748518743, run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_156 = makeLoad(() => {
    const src = fetch(new URL("./chunk_156.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* run_once_lazily_349459829777971522, thread_view_10247811106977940989 */
const __chunk_157 = makeLoad(() => {
    const src = fetch(new URL("./chunk_157.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* seed_demo_5465752356031060402, thread_view_10247811106977940989 */
const __chunk_158 = makeLoad(() => {
    const src = fetch(new URL("./chunk_158.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_thread_view_10247811106977940989 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_thread_view_10247811106977940989.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_16, __chunk_18, __chunk_19, __chunk_21, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28, __chunk_31, __chunk_32, __chunk_35, __chunk_39, __chunk_40, __chunk_41, __chunk_42, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_54, __chunk_55, __chunk_56, __chunk_57, __chunk_58, __chunk_62, __chunk_63, __chunk_64, __chunk_65, __chunk_67, __chunk_68, __chunk_69, __chunk_70, __chunk_71, __chunk_72, __chunk_73, __chunk_74, __chunk_75, __chunk_76, __chunk_77, __chunk_78, __chunk_79, __chunk_80, __chunk_84, __chunk_85, __chunk_86, __chunk_87, __chunk_88, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_96, __chunk_99, __chunk_100, __chunk_101, __chunk_102, __chunk_103, __chunk_104, __chunk_106, __chunk_108, __chunk_109, __chunk_110, __chunk_111, __chunk_112, __chunk_113, __chunk_114, __chunk_115, __chunk_116, __chunk_117, __chunk_118, __chunk_121, __chunk_124, __chunk_125, __chunk_126, __chunk_127, __chunk_129, __chunk_130, __chunk_131, __chunk_134, __chunk_135, __chunk_136, __chunk_137, __chunk_139, __chunk_140, __chunk_141, __chunk_144, __chunk_145, __chunk_146, __chunk_147, __chunk_148, __chunk_149, __chunk_150, __chunk_151, __chunk_152, __chunk_153, __chunk_154, __chunk_156, __chunk_157, __chunk_158]));
export const __wasm_split_load_seed_demo_5465752356031060402 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_seed_demo_5465752356031060402.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_39, __chunk_66, __chunk_73, __chunk_75, __chunk_95, __chunk_105, __chunk_113, __chunk_120, __chunk_123, __chunk_138, __chunk_143, __chunk_145, __chunk_153, __chunk_158]));
export const __wasm_split_load_run_once_lazily_349459829777971522 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_run_once_lazily_349459829777971522.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_21, __chunk_24, __chunk_25, __chunk_31, __chunk_39, __chunk_41, __chunk_47, __chunk_63, __chunk_73, __chunk_74, __chunk_77, __chunk_79, __chunk_84, __chunk_85, __chunk_91, __chunk_92, __chunk_94, __chunk_95, __chunk_99, __chunk_100, __chunk_105, __chunk_109, __chunk_111, __chunk_113, __chunk_114, __chunk_116, __chunk_117, __chunk_119, __chunk_120, __chunk_121, __chunk_122, __chunk_126, __chunk_128, __chunk_130, __chunk_132, __chunk_133, __chunk_134, __chunk_142, __chunk_145, __chunk_146, __chunk_148, __chunk_150, __chunk_152, __chunk_155, __chunk_156, __chunk_157]));
export const __wasm_split_load_import_file_list_12398464811748518743 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_import_file_list_12398464811748518743.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_21, __chunk_24, __chunk_25, __chunk_31, __chunk_39, __chunk_41, __chunk_63, __chunk_73, __chunk_74, __chunk_77, __chunk_79, __chunk_84, __chunk_91, __chunk_94, __chunk_95, __chunk_99, __chunk_105, __chunk_109, __chunk_111, __chunk_113, __chunk_114, __chunk_116, __chunk_119, __chunk_120, __chunk_121, __chunk_130, __chunk_132, __chunk_142, __chunk_145, __chunk_146, __chunk_148, __chunk_150, __chunk_151, __chunk_155, __chunk_156]));
export const __wasm_split_load_composer_15240355414976664185 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_composer_15240355414976664185.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_19, __chunk_21, __chunk_24, __chunk_27, __chunk_31, __chunk_32, __chunk_35, __chunk_39, __chunk_41, __chunk_42, __chunk_47, __chunk_48, __chunk_49, __chunk_51, __chunk_54, __chunk_55, __chunk_56, __chunk_58, __chunk_62, __chunk_63, __chunk_65, __chunk_68, __chunk_70, __chunk_73, __chunk_74, __chunk_75, __chunk_76, __chunk_84, __chunk_85, __chunk_86, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_99, __chunk_100, __chunk_101, __chunk_104, __chunk_109, __chunk_110, __chunk_113, __chunk_114, __chunk_116, __chunk_117, __chunk_118, __chunk_125, __chunk_126, __chunk_127, __chunk_130, __chunk_131, __chunk_137, __chunk_141, __chunk_145, __chunk_146, __chunk_147, __chunk_150, __chunk_151, __chunk_152, __chunk_153, __chunk_154]));
export const __wasm_split_load___ticket_route_view_9315536811355161504 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___ticket_route_view_9315536811355161504.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_16, __chunk_18, __chunk_19, __chunk_22, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_39, __chunk_40, __chunk_47, __chunk_48, __chunk_54, __chunk_69, __chunk_72, __chunk_73, __chunk_74, __chunk_75, __chunk_76, __chunk_77, __chunk_78, __chunk_103, __chunk_108, __chunk_113, __chunk_114, __chunk_115, __chunk_129, __chunk_140, __chunk_145, __chunk_146, __chunk_147, __chunk_148, __chunk_149]));
export const __wasm_split_load___templates_settings_route_view_7404580477687714376 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___templates_settings_route_view_7404580477687714376.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_19, __chunk_21, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_35, __chunk_36, __chunk_38, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_53, __chunk_54, __chunk_55, __chunk_60, __chunk_63, __chunk_64, __chunk_68, __chunk_70, __chunk_71, __chunk_83, __chunk_84, __chunk_85, __chunk_86, __chunk_87, __chunk_89, __chunk_90, __chunk_98, __chunk_99, __chunk_100, __chunk_101, __chunk_102, __chunk_107, __chunk_108, __chunk_109, __chunk_110, __chunk_111, __chunk_112, __chunk_126, __chunk_127, __chunk_128, __chunk_136, __chunk_140, __chunk_141, __chunk_142, __chunk_143, __chunk_144]));
export const __wasm_split_load___profile_settings_route_view_4473246223386984212 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___profile_settings_route_view_4473246223386984212.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_20, __chunk_21, __chunk_31, __chunk_32, __chunk_35, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_60, __chunk_61, __chunk_62, __chunk_68, __chunk_69, __chunk_82, __chunk_83, __chunk_84, __chunk_85, __chunk_86, __chunk_87, __chunk_88, __chunk_97, __chunk_98, __chunk_99, __chunk_100, __chunk_101, __chunk_102, __chunk_103, __chunk_104, __chunk_105, __chunk_106, __chunk_125, __chunk_136, __chunk_137, __chunk_138, __chunk_139]));
export const __wasm_split_load___mail_server_settings_route_view_10899380567516853948 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___mail_server_settings_route_view_10899380567516853948.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_16, __chunk_19, __chunk_45, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_56, __chunk_57, __chunk_59, __chunk_60, __chunk_68, __chunk_81, __chunk_82, __chunk_83, __chunk_84, __chunk_85, __chunk_86, __chunk_87, __chunk_88, __chunk_89, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_94, __chunk_95, __chunk_96, __chunk_125, __chunk_126, __chunk_127, __chunk_128, __chunk_129, __chunk_130, __chunk_131, __chunk_132, __chunk_133, __chunk_134, __chunk_135]));
export const __wasm_split_load___inboxes_settings_route_view_16011954901224027655 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___inboxes_settings_route_view_16011954901224027655.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_16, __chunk_17, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_23, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_35, __chunk_36, __chunk_43, __chunk_44, __chunk_45, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_56, __chunk_57, __chunk_58, __chunk_68, __chunk_69, __chunk_70, __chunk_71, __chunk_72, __chunk_81, __chunk_82, __chunk_83, __chunk_84, __chunk_85, __chunk_86, __chunk_87, __chunk_88, __chunk_89, __chunk_90, __chunk_91, __chunk_92, __chunk_93, __chunk_94, __chunk_95, __chunk_96, __chunk_97, __chunk_98, __chunk_99, __chunk_100, __chunk_101, __chunk_102, __chunk_103, __chunk_104, __chunk_105, __chunk_106, __chunk_107, __chunk_108, __chunk_109, __chunk_110, __chunk_111, __chunk_112, __chunk_113, __chunk_114, __chunk_115, __chunk_116, __chunk_117, __chunk_118, __chunk_119, __chunk_120, __chunk_121, __chunk_122, __chunk_123, __chunk_124]));
export const __wasm_split_load___help_desk_tickets_route_view_13299416506883674931 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___help_desk_tickets_route_view_13299416506883674931.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_29, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_37, __chunk_43, __chunk_68, __chunk_69, __chunk_70, __chunk_71, __chunk_72, __chunk_73, __chunk_74, __chunk_75, __chunk_76, __chunk_77, __chunk_78, __chunk_79, __chunk_80]));
export const __wasm_split_load___help_desk_settings_route_view_14765152630932264303 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___help_desk_settings_route_view_14765152630932264303.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_16, __chunk_17, __chunk_18, __chunk_29, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_35, __chunk_36, __chunk_43, __chunk_44, __chunk_45, __chunk_46, __chunk_47, __chunk_48, __chunk_49, __chunk_50, __chunk_51, __chunk_52, __chunk_53, __chunk_54, __chunk_55, __chunk_56, __chunk_57, __chunk_58, __chunk_59, __chunk_60, __chunk_61, __chunk_62, __chunk_63, __chunk_64, __chunk_65, __chunk_66, __chunk_67]));
export const __wasm_split_load___contacts_route_view_5978596226596003450 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___contacts_route_view_5978596226596003450.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_29, __chunk_30, __chunk_31, __chunk_32, __chunk_33, __chunk_34, __chunk_35, __chunk_36, __chunk_37, __chunk_38, __chunk_39, __chunk_40, __chunk_41, __chunk_42]));
export const __wasm_split_load___contact_route_view_9490168211031089724 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___contact_route_view_9490168211031089724.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_15, __chunk_16, __chunk_17, __chunk_18, __chunk_19, __chunk_20, __chunk_21, __chunk_22, __chunk_23, __chunk_24, __chunk_25, __chunk_26, __chunk_27, __chunk_28]));
